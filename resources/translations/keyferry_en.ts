<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConnectionDialog</name>
    <message numerus="yes">
        <source>Connected: project %s holds %n key(s).</source>
        <translation>
            <numerusform>Connected: project %s holds %n key.</numerusform>
            <numerusform>Connected: project %s holds %n keys.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowStatus</name>
    <message numerus="yes">
        <source>%Ln key(s)</source>
        <translation>
            <numerusform>%Ln key</numerusform>
            <numerusform>%Ln keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln key(s) match</source>
        <translation>
            <numerusform>%1 of %Ln key match</numerusform>
            <numerusform>%1 of %Ln keys match</numerusform>
        </translation>
    </message>
</context>
</TS>
