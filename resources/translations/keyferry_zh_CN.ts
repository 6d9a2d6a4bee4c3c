<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>APIGW.0101</name>
    <message>
        <source>The API does not exist.</source>
        <translation>该 API 不存在。</translation>
    </message>
</context>
<context>
    <name>APIGW.0102</name>
    <message>
        <source>This method is not allowed here.</source>
        <translation>此处不允许使用该方法。</translation>
    </message>
</context>
<context>
    <name>APIGW.0301</name>
    <message>
        <source>The request signature could not be verified.</source>
        <translation>无法校验请求签名。</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Keyferry</source>
        <translation>关于 Keyferry</translation>
    </message>
    <message>
        <source>Bring your own key material into a key management service, step by step.</source>
        <translation>一步一步地将您自己的密钥材料导入密钥管理服务。</translation>
    </message>
    <message>
        <source>Runs on Qt %1, PySide6 %2 and Python %3.</source>
        <translation>运行于 Qt %1、PySide6 %2 和 Python %3。</translation>
    </message>
    <message>
        <source>Keyferry is licensed under Apache-2.0. It bundles these libraries, each under its own licence:</source>
        <translation>Keyferry 依据 Apache-2.0 许可证授权。它附带以下库，各自遵循其许可证：</translation>
    </message>
    <message>
        <source>Qt and PySide6 are used under the GNU Lesser General Public License version 3: you may replace them with your own build of the same version.</source>
        <translation>Qt 和 PySide6 依据 GNU 宽通用公共许可证第 3 版（LGPL-3.0）使用：您可以用自行构建的同一版本替换它们。</translation>
    </message>
    <message>
        <source>Bundled libraries and their licences</source>
        <translation>附带的库及其许可证</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>（未注明）</translation>
    </message>
    <message>
        <source>%1 (as published; not in this build&apos;s metadata)</source>
        <translation>%1（按项目公布的许可证；此版本的元数据中没有）</translation>
    </message>
</context>
<context>
    <name>AsymmetricWrapPanel</name>
    <message>
        <source>Private key file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>Passphrase of the private key</source>
        <translation>私钥的口令</translation>
    </message>
    <message>
        <source>Pa&amp;ssphrase:</source>
        <translation>口令(&amp;S)：</translation>
    </message>
    <message>
        <source>W&amp;rap</source>
        <translation>包装(&amp;R)</translation>
    </message>
    <message>
        <source>Wrap the private key</source>
        <translation>包装私钥</translation>
    </message>
    <message>
        <source>&amp;Generate a new %1 private key</source>
        <translation>生成新的 %1 私钥(&amp;G)</translation>
    </message>
    <message>
        <source>Use my e&amp;xisting private key file (PEM, DER or PKCS#8)</source>
        <translation>使用我已有的私钥文件（PEM、DER 或 PKCS#8）(&amp;X)</translation>
    </message>
    <message>
        <source>The guide says to patch OpenSSL for enc -id-aes256-wrap-pad; OpenSSL 3.0 and later (Debian 12, for one) run these commands unpatched.</source>
        <translation>指南说 enc -id-aes256-wrap-pad 需要给 OpenSSL 打补丁；OpenSSL 3.0 及更高版本（例如 Debian 12）无需补丁即可运行这些命令。</translation>
    </message>
    <message>
        <source>Save the &amp;private key as:</source>
        <translation>私钥另存为(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Private key file (PEM, DER or PKCS#8):</source>
        <translation>私钥文件（PEM、DER 或 PKCS#8）(&amp;P)：</translation>
    </message>
    <message>
        <source>This file holds the private key unencrypted. Keep it safe (on your HSM or offline media) and delete working copies.</source>
        <translation>此文件以未加密形式保存私钥。请妥善保管（保存在 HSM 或离线介质上），并删除工作副本。</translation>
    </message>
    <message>
        <source>Wrote %1 and %2.</source>
        <translation>已写入 %1 和 %2。</translation>
    </message>
    <message>
        <source>Next wraps it and goes on; Wrap does it now, to see its fingerprint.</source>
        <translation>“下一步”会包装私钥并继续；“包装”则立即包装，以便先查看其指纹。</translation>
    </message>
    <message>
        <source>Public key SHA-256 fingerprint: %1. After the import, the key&apos;s details show the same fingerprint (the last command below prints it too).</source>
        <translation>公钥 SHA-256 指纹：%1。导入后，密钥详情显示相同的指纹（下面最后一条命令也会输出它）。</translation>
    </message>
    <message>
        <source>The public key&apos;s SHA-256 fingerprint appears here after Wrap.</source>
        <translation>包装后，公钥的 SHA-256 指纹显示在这里。</translation>
    </message>
    <message>
        <source>Go to the download folder</source>
        <translation>进入下载文件夹</translation>
    </message>
    <message>
        <source>Generate a %1 private key</source>
        <translation>生成 %1 私钥</translation>
    </message>
    <message>
        <source>Generate a temporary 256-bit AES key (hex)</source>
        <translation>生成临时 256 位 AES 密钥（十六进制）</translation>
    </message>
    <message>
        <source>Turn it into binary</source>
        <translation>转换为二进制</translation>
    </message>
    <message>
        <source>Wrap the temporary key with the wrapping key (%1)</source>
        <translation>用包装密钥包装临时密钥（%1）</translation>
    </message>
    <message>
        <source>Convert the private key to PKCS#8 DER</source>
        <translation>将私钥转换为 PKCS#8 DER</translation>
    </message>
    <message>
        <source>Wrap the private key under the temporary key (AES key wrap with padding, RFC 5649)</source>
        <translation>用临时密钥包装私钥（带填充的 AES 密钥包装，RFC 5649）</translation>
    </message>
    <message>
        <source>The public key&apos;s SHA-256 fingerprint, to compare</source>
        <translation>公钥的 SHA-256 指纹，用于比对</translation>
    </message>
    <message>
        <source>Reading the private key file...</source>
        <translation>正在读取私钥文件...</translation>
    </message>
    <message>
        <source>The private key is encrypted: type its passphrase.</source>
        <translation>私钥已加密：请输入其口令。</translation>
    </message>
    <message>
        <source>%1: it fits %2.</source>
        <translation>%1：与 %2 相符。</translation>
    </message>
    <message>
        <source>The file holds %1, but this key&apos;s spec is %2.</source>
        <translation>文件中是%1，但此密钥的规格是 %2。</translation>
    </message>
    <message>
        <source>Choose the private key file.</source>
        <translation>请选择私钥文件。</translation>
    </message>
    <message>
        <source>Wrapping the private key...</source>
        <translation>正在包装私钥...</translation>
    </message>
</context>
<context>
    <name>CmkListWindow</name>
    <message>
        <source>Keyferry — %1</source>
        <translation>Keyferry — %1</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Reloading: waiting for the KMS to answer an earlier request…</source>
        <translation>正在重新加载：等待 KMS 应答之前的请求…</translation>
    </message>
    <message>
        <source>Keyferry cannot open its key store. %1 View &gt; Reload tries again.</source>
        <translation>Keyferry 无法打开其密钥库。%1“查看 &gt; 重新加载”可重试。</translation>
    </message>
    <message>
        <source>The list of keys could not be brought up to date. %1</source>
        <translation>无法更新密钥列表。%1</translation>
    </message>
</context>
<context>
    <name>CmkTableModel</name>
    <message>
        <source>(loading…)</source>
        <translation>（加载中…）</translation>
    </message>
    <message>
        <source>Deleted on %1</source>
        <translation>将于 %1 删除</translation>
    </message>
    <message>
        <source>Local time; hover a cell for UTC</source>
        <translation>本地时间；将鼠标悬停在单元格上可查看 UTC 时间</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>密钥 ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Key spec</source>
        <translation>密钥规格</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Material expiry</source>
        <translation>密钥材料失效时间</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>CommandList</name>
    <message>
        <source>Copy: %1</source>
        <translation>复制：%1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to a KMS</source>
        <translation>连接到 KMS</translation>
    </message>
    <message>
        <source>Saved connection</source>
        <translation>已保存的连接</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <source>Optional: a name to find it again</source>
        <translation>可选：便于以后找到它的名称</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>终端节点</translation>
    </message>
    <message>
        <source>https://kms.&lt;region&gt;.myhuaweicloud.com, or http://127.0.0.1:8080</source>
        <translation>https://kms.&lt;区域&gt;.myhuaweicloud.com，或 http://127.0.0.1:8080</translation>
    </message>
    <message>
        <source>Project ID</source>
        <translation>项目 ID</translation>
    </message>
    <message>
        <source>The project of your keys on that KMS</source>
        <translation>您的密钥在该 KMS 上所属的项目</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>访问密钥 ID（AK）</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>秘密访问密钥（SK）</translation>
    </message>
    <message>
        <source>Kept in the system keyring; leave empty to use the one kept there</source>
        <translation>保存在系统密钥环中；留空则使用已保存的密钥</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <source>Optional: a PEM file of the certificates to trust (a corporate CA)</source>
        <translation>可选：包含要信任的证书的 PEM 文件（企业 CA）</translation>
    </message>
    <message>
        <source>HTTPS proxy</source>
        <translation>HTTPS 代理</translation>
    </message>
    <message>
        <source>Optional: http://proxy.example.com:3128</source>
        <translation>可选：http://proxy.example.com:3128</translation>
    </message>
    <message>
        <source>&amp;Saved:</source>
        <translation>已保存(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>终端节点(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Project ID:</source>
        <translation>项目 ID(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>访问密钥 ID(&amp;A)：</translation>
    </message>
    <message>
        <source>Se&amp;cret key:</source>
        <translation>秘密访问密钥(&amp;C)：</translation>
    </message>
    <message>
        <source>CA &amp;bundle:</source>
        <translation>CA 证书包(&amp;B)：</translation>
    </message>
    <message>
        <source>HTTPS pro&amp;xy:</source>
        <translation>HTTPS 代理(&amp;X)：</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>连接(&amp;O)</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>新建连接</translation>
    </message>
    <message>
        <source>Connecting to %s…</source>
        <translation>正在连接 %s…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: project %s holds %n key(s).</source>
        <translation>
            <numerusform>已连接：项目 %s 中有 %n 个密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection failed unexpectedly (%s).</source>
        <translation>连接意外失败（%s）。</translation>
    </message>
</context>
<context>
    <name>CreateKeyDialog</name>
    <message>
        <source>Create Key</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>创建密钥(&amp;C)</translation>
    </message>
    <message>
        <source>KMS generates this key&apos;s material (origin KMS). To bring your own material, use Import Key instead.</source>
        <translation>此密钥的密钥材料由 KMS 生成（来源为 KMS）。如需使用您自己的密钥材料，请改用“导入密钥”。</translation>
    </message>
    <message>
        <source>&amp;Alias:</source>
        <translation>别名(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
</context>
<context>
    <name>DeleteMaterialDialog</name>
    <message>
        <source>Delete the key material of %1</source>
        <translation>删除 %1 的密钥材料</translation>
    </message>
    <message>
        <source>&amp;Delete material</source>
        <translation>删除密钥材料(&amp;D)</translation>
    </message>
    <message>
        <source>The key %1 goes to Pending import: it cannot encrypt or decrypt until you import its material again. Only the same material (KCV %2) can be imported into it, and data encrypted under it stays unreadable until then.</source>
        <translation>密钥 %1 将变为“待导入”状态：在您重新导入其密钥材料之前，它不能加密或解密。只能导入相同的密钥材料（KCV %2），在此之前，用它加密的数据都无法读取。</translation>
    </message>
    <message>
        <source>I &amp;have a copy of this key material</source>
        <translation>我保存有此密钥材料的副本(&amp;H)</translation>
    </message>
    <message>
        <source>I have a copy of this key material</source>
        <translation>我保存有此密钥材料的副本</translation>
    </message>
    <message>
        <source>%1, as recorded at its import</source>
        <translation>%1，导入时记录</translation>
    </message>
    <message>
        <source>not reported by this KMS, and no import recorded here</source>
        <translation>此 KMS 不报告，本机也没有导入记录</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Create key</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <source>Download import items</source>
        <translation>下载导入所需项</translation>
    </message>
    <message>
        <source>Import key material</source>
        <translation>导入密钥材料</translation>
    </message>
    <message>
        <source>Delete key material</source>
        <translation>删除密钥材料</translation>
    </message>
    <message>
        <source>Material expired</source>
        <translation>密钥材料已失效</translation>
    </message>
    <message>
        <source>Key details</source>
        <translation>密钥详情</translation>
    </message>
    <message>
        <source>Select a key to see its details.</source>
        <translation>选择一个密钥以查看其详情。</translation>
    </message>
    <message>
        <source>Cop&amp;y key ID</source>
        <translation>复制密钥 ID(&amp;Y)</translation>
    </message>
    <message>
        <source>Copy key ID</source>
        <translation>复制密钥 ID</translation>
    </message>
    <message>
        <source>Copy &amp;public key (PEM)</source>
        <translation>复制公钥 (PEM)(&amp;P)</translation>
    </message>
    <message>
        <source>Copy public key (PEM)</source>
        <translation>复制公钥 (PEM)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Import history&lt;/b&gt;</source>
        <translation>&lt;b&gt;导入历史&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>导入历史</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Alias:</source>
        <translation>别名：</translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation>密钥 ID：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>Origin:</source>
        <translation>密钥材料来源：</translation>
    </message>
    <message>
        <source>Key spec:</source>
        <translation>密钥规格：</translation>
    </message>
    <message>
        <source>Key usage:</source>
        <translation>密钥用途：</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Material expiry:</source>
        <translation>密钥材料失效时间：</translation>
    </message>
    <message>
        <source>Scheduled deletion:</source>
        <translation>计划删除时间：</translation>
    </message>
    <message>
        <source>KCV:</source>
        <translation>密钥校验值（KCV）：</translation>
    </message>
    <message>
        <source>Public key SHA-256:</source>
        <translation>公钥 SHA-256：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>The key has no key material yet: import its private key first.</source>
        <translation>密钥还没有密钥材料：请先导入其私钥。</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>未计划</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(no key material)</source>
        <translation>（无密钥材料）</translation>
    </message>
    <message>
        <source>Not reported by this KMS: Copy public key (PEM) shows it</source>
        <translation>此 KMS 不报告：“复制公钥 (PEM)”会显示它</translation>
    </message>
    <message>
        <source>The public key (PEM) is on the clipboard.</source>
        <translation>公钥 (PEM) 已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Fetching the public key…</source>
        <translation>正在获取公钥…</translation>
    </message>
    <message>
        <source>%1 (recorded at import; this KMS does not report one)</source>
        <translation>%1（导入时记录；此 KMS 不报告 KCV）</translation>
    </message>
    <message>
        <source>Not reported by this KMS, and no import of it is recorded here</source>
        <translation>此 KMS 不报告，本机也没有该密钥的导入记录</translation>
    </message>
    <message>
        <source>(loading…)</source>
        <translation>（加载中…）</translation>
    </message>
    <message>
        <source>Import key material (KCV %1)</source>
        <translation>导入密钥材料（KCV %1）</translation>
    </message>
    <message>
        <source>Imports recorded by Keyferry on this computer (this KMS keeps no history that Keyferry can read).</source>
        <translation>Keyferry 在本机记录的导入（此 KMS 没有 Keyferry 可读取的历史）。</translation>
    </message>
    <message>
        <source>No import of this key is recorded on this computer.</source>
        <translation>本机没有该密钥的导入记录。</translation>
    </message>
    <message>
        <source>No result was recorded: Keyferry stopped during the import.</source>
        <translation>没有记录到结果：Keyferry 在导入过程中停止了。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Outcome unknown (%1)</source>
        <translation>结果未知（%1）</translation>
    </message>
    <message>
        <source>Refused (%1)</source>
        <translation>被拒绝（%1）</translation>
    </message>
    <message>
        <source>No import history yet.</source>
        <translation>暂无导入历史。</translation>
    </message>
</context>
<context>
    <name>DownloadPage</name>
    <message>
        <source>Download import items</source>
        <translation>下载导入所需项</translation>
    </message>
    <message>
        <source>Choose a wrapping algorithm your HSM supports, then download the wrapping key and the import token.</source>
        <translation>选择您的 HSM 支持的包装算法，然后下载包装密钥和导入令牌。</translation>
    </message>
    <message>
        <source>Wrapping algorithm</source>
        <translation>密钥包装算法</translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation>下载文件夹</translation>
    </message>
    <message>
        <source>Folder for the import items</source>
        <translation>存放导入所需项的文件夹</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>The same as an A&amp;PI call</source>
        <translation>等效的 API 调用(&amp;P)</translation>
    </message>
    <message>
        <source>Wrapping &amp;algorithm:</source>
        <translation>密钥包装算法(&amp;A)：</translation>
    </message>
    <message>
        <source>Download folde&amp;r:</source>
        <translation>下载文件夹(&amp;R)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Download import items&lt;/b&gt;&lt;p&gt;The KMS hands out a wrapping key (an RSA public key) and an import token, both valid for 24 hours. Download writes three files into the folder: &lt;i&gt;wrappingKey_…&lt;/i&gt; encrypts your key material, &lt;i&gt;importToken_…&lt;/i&gt; proves that the import is for this key, and &lt;i&gt;README_…&lt;/i&gt; says what they are and when they expire.&lt;/p&gt;&lt;p&gt;Choose an algorithm your HSM supports. Next, you wrap your key material with this wrapping key.&lt;/p&gt;</source>
        <translation>&lt;b&gt;下载导入所需项&lt;/b&gt;&lt;p&gt;KMS 会提供一个包装密钥（RSA 公钥）和一个导入令牌，两者的有效期都是 24 小时。“下载”会在文件夹中写入三个文件：&lt;i&gt;wrappingKey_…&lt;/i&gt; 用于加密您的密钥材料，&lt;i&gt;importToken_…&lt;/i&gt; 证明此次导入属于这个密钥，&lt;i&gt;README_…&lt;/i&gt; 说明这些文件是什么以及何时失效。&lt;/p&gt;&lt;p&gt;请选择您的 HSM 支持的算法。下一步，您将用这个包装密钥包装您的密钥材料。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Reading the key...</source>
        <translation>正在读取密钥…</translation>
    </message>
    <message>
        <source>NOTICE: The RSAES_OAEP_SHA_1 encryption algorithm is no longer secure. Exercise caution when performing this operation.</source>
        <translation>注意：RSAES_OAEP_SHA_1 加密算法已不再安全，请谨慎操作。</translation>
    </message>
    <message>
        <source>Looking for earlier downloads...</source>
        <translation>正在查找之前下载的文件…</translation>
    </message>
    <message>
        <source>Choose a folder for the files.</source>
        <translation>请为这些文件选择一个文件夹。</translation>
    </message>
    <message>
        <source>Downloading the wrapping key and the import token...</source>
        <translation>正在下载包装密钥和导入令牌…</translation>
    </message>
    <message>
        <source>Nothing downloaded yet.</source>
        <translation>尚未下载任何文件。</translation>
    </message>
    <message>
        <source>These files expire on %1.</source>
        <translation>这些文件将于 %1 失效。</translation>
    </message>
    <message>
        <source>These files expired on %1: download again.</source>
        <translation>这些文件已于 %1 失效：请重新下载。</translation>
    </message>
    <message>
        <source>These files were made for %2: download again for the algorithm chosen now.</source>
        <translation>这些文件是为 %2 生成的：请为当前选择的算法重新下载。</translation>
    </message>
    <message>
        <source>Found an earlier download.</source>
        <translation>找到了之前下载的文件。</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 个字符</translation>
    </message>
    <message>
        <source>Request: POST /v1.0/{project_id}/kms/get-parameters-for-import
%1

Response:
%2</source>
        <translation>请求：POST /v1.0/{project_id}/kms/get-parameters-for-import
%1

响应：
%2</translation>
    </message>
</context>
<context>
    <name>EditKeyDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Alias:</source>
        <translation>别名(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>EditTagsDialog</name>
    <message>
        <source>Tags of %1</source>
        <translation>%1 的标签</translation>
    </message>
    <message>
        <source>&amp;Save tags</source>
        <translation>保存标签(&amp;S)</translation>
    </message>
    <message>
        <source>Up to 10 tags; a tag key takes one value.</source>
        <translation>最多 10 个标签；一个标签键只能有一个值。</translation>
    </message>
</context>
<context>
    <name>FlowPage</name>
    <message>
        <source>Go back to the page that fixes this</source>
        <translation>返回可以解决此问题的页面</translation>
    </message>
    <message>
        <source>KMS: %1</source>
        <translation>KMS：%1</translation>
    </message>
    <message>
        <source>Importing material again into the key %1 (%2)</source>
        <translation>再次向密钥 %1（%2）导入密钥材料</translation>
    </message>
    <message>
        <source>Importing material again into the key %1</source>
        <translation>再次向密钥 %1 导入密钥材料</translation>
    </message>
    <message>
        <source>&amp;Go back to “%1”</source>
        <translation>返回“%1”(&amp;G)</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>in %1 d %2 h</source>
        <translation>%1 天 %2 小时后</translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation>%1 小时 %2 分钟后</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>%1 分钟后</translation>
    </message>
    <message>
        <source>in under a minute</source>
        <translation>不到一分钟后</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>永不失效</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Create key</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Schedule deletion</source>
        <translation>计划删除</translation>
    </message>
    <message>
        <source>Cancel deletion</source>
        <translation>取消删除</translation>
    </message>
    <message>
        <source>Key deleted</source>
        <translation>密钥已删除</translation>
    </message>
    <message>
        <source>Change alias</source>
        <translation>修改别名</translation>
    </message>
    <message>
        <source>Change description</source>
        <translation>修改描述</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Change tags</source>
        <translation>修改标签</translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>Download import items</source>
        <translation>下载导入所需项</translation>
    </message>
    <message>
        <source>Import key material</source>
        <translation>导入密钥材料</translation>
    </message>
    <message>
        <source>Delete key material</source>
        <translation>删除密钥材料</translation>
    </message>
    <message>
        <source>Material expired</source>
        <translation>密钥材料已失效</translation>
    </message>
    <message>
        <source>History of the key store</source>
        <translation>密钥库的历史记录</translation>
    </message>
    <message>
        <source>Key ID, alias, operation or who</source>
        <translation>密钥 ID、别名、操作或操作者</translation>
    </message>
    <message>
        <source>Filter the history</source>
        <translation>筛选历史记录</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>正在加载历史记录…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Refused (%1)</source>
        <translation>被拒绝（%1）</translation>
    </message>
    <message>
        <source>No entries yet.</source>
        <translation>还没有记录。</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>无法读取历史记录：%1</translation>
    </message>
</context>
<context>
    <name>ImportAgain</name>
    <message>
        <source>Import Key Material Again</source>
        <translation>重新导入密钥材料</translation>
    </message>
    <message>
        <source>The material of %1 came from the key %2 in the token %3 (serial %4), KCV %5.</source>
        <translation>%1 的密钥材料来自令牌 %3（序列号 %4）中的密钥 %2，KCV 为 %5。</translation>
    </message>
    <message>
        <source>Wrap it again with the same token key: new import items, the token&apos;s PIN, Finish. The KMS gets the same material, proven by the KCV. Module: %1</source>
        <translation>用同一个令牌密钥再次包装：获取新的导入项，输入令牌的 PIN，然后完成。KMS 得到的是同一份密钥材料，由 KCV 证明。模块：%1</translation>
    </message>
    <message>
        <source>&amp;Wrap Again with the Same Token Key</source>
        <translation>用同一个令牌密钥再次包装(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Other Material…</source>
        <translation>其他密钥材料(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>ImportItemsView</name>
    <message>
        <source>Downloaded files</source>
        <translation>已下载的文件</translation>
    </message>
    <message>
        <source>&amp;Show in folder</source>
        <translation>在文件夹中显示(&amp;S)</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>文件：</translation>
    </message>
</context>
<context>
    <name>ImportKeyWizard</name>
    <message>
        <source>Choose another alias.</source>
        <translation>请换一个别名。</translation>
    </message>
    <message>
        <source>Then wrap your key material again with the new wrapping key.</source>
        <translation>然后用新的包装密钥重新包装您的密钥材料。</translation>
    </message>
    <message>
        <source>Choose the importToken file downloaded for this key: its name contains the key ID.</source>
        <translation>请选择为此密钥下载的 importToken 文件：其文件名中包含密钥 ID。</translation>
    </message>
    <message>
        <source>Choose the importToken file exactly as it was downloaded.</source>
        <translation>请选择下载后未经改动的 importToken 文件。</translation>
    </message>
    <message>
        <source>Go back to “Wrap key material” and wrap the material again with the wrapping key downloaded with this token and its algorithm.</source>
        <translation>请返回“包装密钥材料”，用与此令牌一起下载的包装密钥及其算法重新包装密钥材料。</translation>
    </message>
    <message>
        <source>Go back to “Wrap key material” and wrap exactly 32 bytes (256 bits) of key material.</source>
        <translation>请返回“包装密钥材料”，包装恰好 32 字节（256 位）的密钥材料。</translation>
    </message>
    <message>
        <source>Go back to “Wrap key material”, choose “Use an existing 32-byte key material file” and wrap the material this key had before.</source>
        <translation>请返回“包装密钥材料”，选择“使用已有的 32 字节密钥材料文件”，并包装此密钥以前的密钥材料。</translation>
    </message>
    <message>
        <source>Go back to “Wrap key material”: check the KCV you typed, or wrap the intended material again with the wrapping key and algorithm of this token.</source>
        <translation>请返回“包装密钥材料”：检查您输入的 KCV，或用此令牌的包装密钥和算法重新包装您要导入的密钥材料。</translation>
    </message>
    <message>
        <source>Choose a later date and time, or “Key material will never expire”.</source>
        <translation>请选择更晚的日期和时间，或选择“密钥材料永不失效”。</translation>
    </message>
    <message>
        <source>The key already holds key material, perhaps from this very import if its answer was lost: close the wizard and look at the key in the list (Enabled means the material is in; the import record shows its KCV).</source>
        <translation>该密钥已有密钥材料，若本次导入的应答丢失，材料可能正是本次导入的：请关闭向导，在列表中查看该密钥（“已启用”表示材料已导入；导入记录中有其 KCV）。</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出现错误：%1</translation>
    </message>
    <message>
        <source>Import Key Material Again</source>
        <translation>重新导入密钥材料</translation>
    </message>
    <message>
        <source>Import Key</source>
        <translation>导入密钥</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;What is this?</source>
        <translation>这是什么？(&amp;W)</translation>
    </message>
    <message>
        <source>What is this step?</source>
        <translation>这一步是做什么的？</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>KMS.0101</name>
    <message>
        <source>The key management service failed. Try again later.</source>
        <translation>密钥管理服务出错。请稍后重试。</translation>
    </message>
</context>
<context>
    <name>KMS.0102</name>
    <message>
        <source>The key store could not be read or written.</source>
        <translation>无法读取或写入密钥库。</translation>
    </message>
</context>
<context>
    <name>KMS.0201</name>
    <message>
        <source>The request URL is not valid.</source>
        <translation>请求 URL 无效。</translation>
    </message>
</context>
<context>
    <name>KMS.0202</name>
    <message>
        <source>The request body is not valid JSON.</source>
        <translation>请求消息体不是有效的 JSON。</translation>
    </message>
</context>
<context>
    <name>KMS.0203</name>
    <message>
        <source>The request message is too long.</source>
        <translation>请求消息过长。</translation>
    </message>
</context>
<context>
    <name>KMS.0204</name>
    <message>
        <source>A required parameter is missing.</source>
        <translation>缺少必需的参数。</translation>
    </message>
</context>
<context>
    <name>KMS.0205</name>
    <message>
        <source>The key ID is not valid.</source>
        <translation>密钥 ID 无效。</translation>
    </message>
</context>
<context>
    <name>KMS.0206</name>
    <message>
        <source>The sequence number is not valid.</source>
        <translation>请求序列号无效。</translation>
    </message>
</context>
<context>
    <name>KMS.0207</name>
    <message>
        <source>The key does not exist.</source>
        <translation>密钥不存在。</translation>
    </message>
</context>
<context>
    <name>KMS.0209</name>
    <message>
        <source>The key is disabled. Enable it first.</source>
        <translation>密钥已禁用。请先启用它。</translation>
    </message>
</context>
<context>
    <name>KMS.0210</name>
    <message>
        <source>The key is pending deletion and cannot be used.</source>
        <translation>密钥处于“计划删除”状态，不能使用。</translation>
    </message>
</context>
<context>
    <name>KMS.0308</name>
    <message>
        <source>A parameter is not valid.</source>
        <translation>参数无效。</translation>
    </message>
</context>
<context>
    <name>KMS.0309</name>
    <message>
        <source>This operation needs a key created for imported material.</source>
        <translation>此操作需要一个为导入密钥材料而创建的密钥。</translation>
    </message>
</context>
<context>
    <name>KMS.0310</name>
    <message>
        <source>The key is not in the Pending import state.</source>
        <translation>密钥不处于“待导入”状态。</translation>
    </message>
</context>
<context>
    <name>KMS.0311</name>
    <message>
        <source>The key material could not be unwrapped with the wrapping key of this import token. Wrap it with the wrapping key and algorithm downloaded with the token.</source>
        <translation>无法用此导入令牌对应的包装密钥解开密钥材料。请用与该令牌一起下载的包装密钥和算法包装密钥材料。</translation>
    </message>
</context>
<context>
    <name>KMS.0312</name>
    <message>
        <source>Keys with imported material cannot be rotated.</source>
        <translation>使用导入密钥材料的密钥不能轮换。</translation>
    </message>
</context>
<context>
    <name>KMS.0401</name>
    <message>
        <source>The tag list cannot be empty.</source>
        <translation>标签列表不能为空。</translation>
    </message>
</context>
<context>
    <name>KMS.0404</name>
    <message>
        <source>The tag action must be create or delete.</source>
        <translation>标签操作必须是 create 或 delete。</translation>
    </message>
</context>
<context>
    <name>KMS.0405</name>
    <message>
        <source>The tag value is not valid.</source>
        <translation>标签值无效。</translation>
    </message>
</context>
<context>
    <name>KMS.0406</name>
    <message>
        <source>The tag key is not valid.</source>
        <translation>标签键无效。</translation>
    </message>
</context>
<context>
    <name>KMS.0409</name>
    <message>
        <source>A key can have at most 10 tags.</source>
        <translation>一个密钥最多可以有 10 个标签。</translation>
    </message>
</context>
<context>
    <name>KMS.0410</name>
    <message>
        <source>A tag value can have at most 43 characters.</source>
        <translation>标签值最多 43 个字符。</translation>
    </message>
</context>
<context>
    <name>KMS.0411</name>
    <message>
        <source>A tag key must have 1 to 36 characters.</source>
        <translation>标签键必须为 1 到 36 个字符。</translation>
    </message>
</context>
<context>
    <name>KMS.0412</name>
    <message>
        <source>The tag list is not valid.</source>
        <translation>标签列表无效。</translation>
    </message>
</context>
<context>
    <name>KMS.0413</name>
    <message>
        <source>A tag key can have only one value on a key.</source>
        <translation>同一个密钥上，一个标签键只能有一个值。</translation>
    </message>
</context>
<context>
    <name>KMS.1101</name>
    <message>
        <source>The alias is not valid.</source>
        <translation>别名无效。</translation>
    </message>
</context>
<context>
    <name>KMS.1103</name>
    <message>
        <source>The description can have at most 255 characters.</source>
        <translation>描述最多 255 个字符。</translation>
    </message>
</context>
<context>
    <name>KMS.1104</name>
    <message>
        <source>A key with this alias already exists.</source>
        <translation>已存在使用此别名的密钥。</translation>
    </message>
</context>
<context>
    <name>KMS.1201</name>
    <message>
        <source>The key is not disabled.</source>
        <translation>密钥未处于“已禁用”状态。</translation>
    </message>
</context>
<context>
    <name>KMS.1301</name>
    <message>
        <source>The key is not enabled.</source>
        <translation>密钥未处于“已启用”状态。</translation>
    </message>
</context>
<context>
    <name>KMS.1401</name>
    <message>
        <source>The pending deletion period must be 7 to 1096 days.</source>
        <translation>计划删除的等待期必须为 7 到 1096 天。</translation>
    </message>
</context>
<context>
    <name>KMS.1402</name>
    <message>
        <source>The key is already pending deletion.</source>
        <translation>密钥已处于“计划删除”状态。</translation>
    </message>
</context>
<context>
    <name>KMS.1501</name>
    <message>
        <source>The key is not pending deletion.</source>
        <translation>密钥未处于“计划删除”状态。</translation>
    </message>
</context>
<context>
    <name>KMS.1601</name>
    <message>
        <source>The limit is not valid.</source>
        <translation>数量限制（limit）无效。</translation>
    </message>
</context>
<context>
    <name>KMS.1602</name>
    <message>
        <source>The marker must be a number of 0 or more.</source>
        <translation>分页标记（marker）必须是大于或等于 0 的数字。</translation>
    </message>
</context>
<context>
    <name>KMS.1901</name>
    <message>
        <source>The data key length must be 8 to 8192 bits, in whole bytes.</source>
        <translation>数据密钥长度必须为 8 到 8192 位，且为整字节。</translation>
    </message>
</context>
<context>
    <name>KMS.2101</name>
    <message>
        <source>The plaintext is not valid.</source>
        <translation>明文无效。</translation>
    </message>
</context>
<context>
    <name>KMS.2102</name>
    <message>
        <source>The data key plaintext length is not valid.</source>
        <translation>数据密钥明文长度无效。</translation>
    </message>
</context>
<context>
    <name>KMS.2103</name>
    <message>
        <source>The data key&apos;s SHA-256 digest does not match.</source>
        <translation>数据密钥的 SHA-256 摘要不匹配。</translation>
    </message>
</context>
<context>
    <name>KMS.2201</name>
    <message>
        <source>The ciphertext is not valid.</source>
        <translation>密文无效。</translation>
    </message>
</context>
<context>
    <name>KMS.2202</name>
    <message>
        <source>The data key ciphertext length is not valid.</source>
        <translation>数据密钥密文长度无效。</translation>
    </message>
</context>
<context>
    <name>KMS.2601</name>
    <message>
        <source>The import token has expired. Download the import items again.</source>
        <translation>导入令牌已过期。请重新下载导入所需项。</translation>
    </message>
</context>
<context>
    <name>KMS.2602</name>
    <message>
        <source>The material expiration time must be in the future.</source>
        <translation>密钥材料失效时间必须晚于当前时间。</translation>
    </message>
</context>
<context>
    <name>KMS.2603</name>
    <message>
        <source>This import token belongs to another key. Use the token downloaded for this key.</source>
        <translation>此导入令牌属于另一个密钥。请使用为此密钥下载的导入令牌。</translation>
    </message>
</context>
<context>
    <name>KMS.2604</name>
    <message>
        <source>The key material must be exactly 32 bytes (256 bits).</source>
        <translation>密钥材料必须恰好为 32 字节（256 位）。</translation>
    </message>
</context>
<context>
    <name>KMS.2605</name>
    <message>
        <source>The import token could not be verified. Use the token file exactly as downloaded.</source>
        <translation>无法校验导入令牌。请使用下载后未经改动的令牌文件。</translation>
    </message>
</context>
<context>
    <name>KMS.2606</name>
    <message>
        <source>This key had other material before. Import the same material as the first time.</source>
        <translation>此密钥以前使用的是其他密钥材料。请导入与第一次相同的密钥材料。</translation>
    </message>
</context>
<context>
    <name>KMS.2607</name>
    <message>
        <source>The unwrapped key material does not have the expected key check value (KCV). Nothing was imported: the key is still Pending import.</source>
        <translation>解包后的密钥材料不具有预期的密钥校验值（KCV）。未导入任何内容：密钥仍处于“待导入”状态。</translation>
    </message>
</context>
<context>
    <name>KMS.2608</name>
    <message>
        <source>The private key is not an unencrypted PKCS#8 private key in DER form.</source>
        <translation>私钥不是 DER 格式的未加密 PKCS#8 私钥。</translation>
    </message>
</context>
<context>
    <name>KMS.2609</name>
    <message>
        <source>The private key does not fit the key&apos;s spec.</source>
        <translation>私钥与密钥的规格不符。</translation>
    </message>
</context>
<context>
    <name>KMS.2610</name>
    <message>
        <source>The key&apos;s usage does not allow this operation.</source>
        <translation>密钥的用途不允许此操作。</translation>
    </message>
</context>
<context>
    <name>KMS.2611</name>
    <message>
        <source>This applies to symmetric keys only.</source>
        <translation>此操作仅适用于对称密钥。</translation>
    </message>
</context>
<context>
    <name>KMS.2701</name>
    <message>
        <source>Key material can be deleted only when the key is Enabled or Disabled.</source>
        <translation>只有当密钥处于“已启用”或“已禁用”状态时，才能删除密钥材料。</translation>
    </message>
</context>
<context>
    <name>KeyActions</name>
    <message>
        <source>The key is pending deletion: cancel the deletion first.</source>
        <translation>密钥处于“计划删除”状态：请先取消删除。</translation>
    </message>
    <message>
        <source>The key is already Enabled.</source>
        <translation>密钥已处于“已启用”状态。</translation>
    </message>
    <message>
        <source>The key has no key material: import material first.</source>
        <translation>密钥没有密钥材料：请先导入密钥材料。</translation>
    </message>
    <message>
        <source>The key is already Disabled.</source>
        <translation>密钥已处于“已禁用”状态。</translation>
    </message>
    <message>
        <source>Only an Enabled key can be disabled; this key has no key material.</source>
        <translation>只有“已启用”的密钥才能禁用；此密钥没有密钥材料。</translation>
    </message>
    <message>
        <source>The key is already scheduled for deletion.</source>
        <translation>密钥已计划删除。</translation>
    </message>
    <message>
        <source>The key is not scheduled for deletion.</source>
        <translation>密钥未计划删除。</translation>
    </message>
    <message>
        <source>Keyferry does not use keys of this spec: it imports and uses AES_256, RSA and EC keys.</source>
        <translation>Keyferry 不使用此规格的密钥：它导入并使用 AES_256、RSA 和 EC 密钥。</translation>
    </message>
    <message>
        <source>An asymmetric key&apos;s material cannot be deleted: that applies to symmetric keys only. Schedule the key&apos;s deletion instead.</source>
        <translation>非对称密钥的密钥材料不能删除：此操作仅适用于对称密钥。请改为计划删除密钥。</translation>
    </message>
    <message>
        <source>KMS generated this key&apos;s material; only imported material can be deleted.</source>
        <translation>此密钥的密钥材料由 KMS 生成；只有导入的密钥材料才能删除。</translation>
    </message>
    <message>
        <source>The key has no key material to delete.</source>
        <translation>密钥没有可删除的密钥材料。</translation>
    </message>
    <message>
        <source>Key material can be deleted only when the key is Enabled or Disabled.</source>
        <translation>只有当密钥处于“已启用”或“已禁用”状态时，才能删除密钥材料。</translation>
    </message>
    <message>
        <source>Material can be imported only into a key created for imported material (origin External).</source>
        <translation>只能向为导入密钥材料而创建的密钥（来源为“外部”）导入密钥材料。</translation>
    </message>
    <message>
        <source>The key already has key material. Delete it first to import again.</source>
        <translation>密钥已有密钥材料。如需重新导入，请先删除它。</translation>
    </message>
    <message>
        <source>Keyferry tries keys that encrypt or sign, not this key&apos;s usage.</source>
        <translation>Keyferry 只试用用于加密或签名的密钥，不支持此密钥的用途。</translation>
    </message>
    <message>
        <source>The key is Disabled: enable it to sign and verify.</source>
        <translation>密钥已禁用：启用后才能签名和验签。</translation>
    </message>
    <message>
        <source>The key is Disabled: enable it to encrypt and decrypt.</source>
        <translation>密钥处于“已禁用”状态：启用后才能加密和解密。</translation>
    </message>
    <message>
        <source>A key pending deletion cannot be used.</source>
        <translation>处于“计划删除”状态的密钥不能使用。</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Enable the key so it can be used.</source>
        <translation>启用密钥，使其可以使用。</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>禁用(&amp;D)</translation>
    </message>
    <message>
        <source>Disable the key: it cannot be used until it is enabled again.</source>
        <translation>禁用密钥：在重新启用之前，它不能使用。</translation>
    </message>
    <message>
        <source>&amp;Schedule deletion…</source>
        <translation>计划删除(&amp;S)…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel deletion</source>
        <translation>取消删除(&amp;N)</translation>
    </message>
    <message>
        <source>Edit &amp;alias and description…</source>
        <translation>编辑别名和描述(&amp;A)…</translation>
    </message>
    <message>
        <source>Edit ta&amp;gs…</source>
        <translation>编辑标签(&amp;G)…</translation>
    </message>
    <message>
        <source>Im&amp;port material again…</source>
        <translation>重新导入密钥材料(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Try it…</source>
        <translation>试用(&amp;T)…</translation>
    </message>
    <message>
        <source>Encrypt a short text with the key and decrypt it back, or sign it and verify the signature.</source>
        <translation>用密钥加密一段短文本并解密回来，或对其签名并验证签名。</translation>
    </message>
    <message>
        <source>Delete the key after a waiting period of 7 to 1096 days.</source>
        <translation>在 7 到 1096 天的等待期之后删除密钥。</translation>
    </message>
    <message>
        <source>Keep the key: cancel its scheduled deletion.</source>
        <translation>保留密钥：取消计划中的删除。</translation>
    </message>
    <message>
        <source>Change the key&apos;s alias and description.</source>
        <translation>修改密钥的别名和描述。</translation>
    </message>
    <message>
        <source>Add, change or delete tags.</source>
        <translation>添加、修改或删除标签。</translation>
    </message>
    <message>
        <source>Delete key &amp;material…</source>
        <translation>删除密钥材料(&amp;M)…</translation>
    </message>
    <message>
        <source>Delete the imported material; the key goes to Pending import.</source>
        <translation>删除导入的密钥材料；密钥将变为“待导入”状态。</translation>
    </message>
    <message>
        <source>Open the Import Key wizard at its download step for this key.</source>
        <translation>为此密钥打开导入密钥向导，从下载步骤开始。</translation>
    </message>
    <message>
        <source>Select a key first.</source>
        <translation>请先选择一个密钥。</translation>
    </message>
    <message>
        <source>Wait: an operation on this key is running.</source>
        <translation>请稍候：此密钥上有操作正在进行。</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>letters, digits, : / _ -</source>
        <translation>字母、数字、: / _ -</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Unexpected error (%1): %2</source>
        <translation>意外错误（%1）：%2</translation>
    </message>
</context>
<context>
    <name>KeyHistory</name>
    <message>
        <source>Loading the history…</source>
        <translation>正在加载历史记录…</translation>
    </message>
    <message>
        <source>Loading the import record…</source>
        <translation>正在读取导入记录…</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>无法读取历史记录：%1</translation>
    </message>
</context>
<context>
    <name>KeyOperations</name>
    <message>
        <source>Key %1 enabled.</source>
        <translation>已启用密钥 %1。</translation>
    </message>
    <message>
        <source>Key %1 could not be enabled.</source>
        <translation>无法启用密钥 %1。</translation>
    </message>
    <message>
        <source>Key %1 disabled.</source>
        <translation>已禁用密钥 %1。</translation>
    </message>
    <message>
        <source>Key %1 could not be disabled.</source>
        <translation>无法禁用密钥 %1。</translation>
    </message>
    <message>
        <source>The deletion of key %1 is cancelled.</source>
        <translation>已取消删除密钥 %1。</translation>
    </message>
    <message>
        <source>The deletion of key %1 could not be cancelled.</source>
        <translation>无法取消删除密钥 %1。</translation>
    </message>
    <message>
        <source>Key %1 is scheduled for deletion.</source>
        <translation>已计划删除密钥 %1。</translation>
    </message>
    <message>
        <source>Key %1 saved.</source>
        <translation>已保存密钥 %1。</translation>
    </message>
    <message>
        <source>The tags of key %1 are saved.</source>
        <translation>已保存密钥 %1 的标签。</translation>
    </message>
    <message>
        <source>The key material of %1 is deleted; the key is Pending import.</source>
        <translation>已删除 %1 的密钥材料；密钥处于“待导入”状态。</translation>
    </message>
    <message>
        <source>The Import Key wizard is not available: %1</source>
        <translation>导入密钥向导不可用：%1</translation>
    </message>
    <message>
        <source>Key %1 created.</source>
        <translation>已创建密钥 %1。</translation>
    </message>
    <message>
        <source>No key was created.</source>
        <translation>未创建任何密钥。</translation>
    </message>
    <message>
        <source>Key %1 imported.</source>
        <translation>已导入密钥 %1。</translation>
    </message>
    <message>
        <source>The wizard closed while the KMS was creating the key “%1”: it may have been created. The list now shows the keys that match its alias; View &gt; Reload looks again. If it is there, Import Key Material Again goes on with it.</source>
        <translation>向导在 KMS 创建密钥“%1”时被关闭：该密钥可能已创建。列表现在显示与其别名匹配的密钥；“视图 &gt; 重新加载”可再次查找。若它在列表中，可用“再次导入密钥材料”继续。</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Name the key that will hold your key material. Tags are optional.</source>
        <translation>为将要存放您的密钥材料的密钥命名。标签是可选的。</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>for example: payments/imported-2026</source>
        <translation>例如：payments/imported-2026</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>optional, up to 255 characters</source>
        <translation>可选，最多 255 个字符</translation>
    </message>
    <message>
        <source>Key algorithm</source>
        <translation>密钥算法</translation>
    </message>
    <message>
        <source>Key usage</source>
        <translation>密钥用途</translation>
    </message>
    <message>
        <source>&lt;b&gt;Key&lt;/b&gt;&lt;p&gt;This step names the customer master key (CMK) that will hold your own key material. The alias is how you and your applications find the key; the description and the tags are for your records (up to 10 tags, one value per tag key).&lt;/p&gt;&lt;p&gt;Nothing is created yet: Next shows what an imported key means for you.&lt;/p&gt;</source>
        <translation>&lt;b&gt;密钥&lt;/b&gt;&lt;p&gt;这一步为将要存放您自己的密钥材料的用户主密钥（CMK）命名。您和您的应用程序通过别名找到这个密钥；描述和标签供您备查（最多 10 个标签，每个标签键只有一个值）。&lt;/p&gt;&lt;p&gt;此时还不会创建任何东西：下一步会说明导入的密钥对您意味着什么。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Alias:</source>
        <translation>别名(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Key algorithm:</source>
        <translation>密钥算法(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Usage:</source>
        <translation>用途(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>The key %1 exists already. What you change here is applied to it when you go on; no second key is created.</source>
        <translation>密钥 %1 已经存在。您在这里所做的修改会在继续时应用到它上面，不会再创建第二个密钥。</translation>
    </message>
    <message>
        <source>The key exists already: its algorithm and usage were fixed when it was created.</source>
        <translation>密钥已存在：其算法和用途在创建时已确定。</translation>
    </message>
    <message>
        <source>An %1 key signs and verifies only.</source>
        <translation>%1 密钥只能签名和验签。</translation>
    </message>
    <message>
        <source>An %1 key encrypts and decrypts only.</source>
        <translation>%1 密钥只能加密和解密。</translation>
    </message>
</context>
<context>
    <name>KeyState</name>
    <message>
        <source>Pending activation</source>
        <translation>待激活</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>Pending deletion</source>
        <translation>计划删除</translation>
    </message>
    <message>
        <source>Pending import</source>
        <translation>待导入</translation>
    </message>
</context>
<context>
    <name>Keyferry</name>
    <message>
        <source>Keyferry cannot open its key store</source>
        <translation>Keyferry 无法打开其密钥库</translation>
    </message>
</context>
<context>
    <name>LeaveWizard</name>
    <message>
        <source>Stop importing?</source>
        <translation>停止导入？</translation>
    </message>
    <message>
        <source>The key %1 exists, with empty key material (Pending import).</source>
        <translation>密钥 %1 已存在，其密钥材料为空（待导入）。</translation>
    </message>
    <message>
        <source>Keep it to finish later: in the key list, Import material again. Or schedule its deletion in %1 days (it can be cancelled until then).</source>
        <translation>保留它以便稍后完成：在密钥列表中选择“重新导入密钥材料”。或者计划在 %1 天后删除它（在此之前可以取消）。</translation>
    </message>
    <message>
        <source>&amp;Keep the key</source>
        <translation>保留密钥(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Schedule its deletion</source>
        <translation>计划删除(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Back to the wizard</source>
        <translation>返回向导(&amp;B)</translation>
    </message>
    <message>
        <source>The key&apos;s deletion could not be scheduled: %1</source>
        <translation>无法计划删除该密钥：%1</translation>
    </message>
</context>
<context>
    <name>MasterKey</name>
    <message>
        <source>master key: system keyring</source>
        <translation>主密钥：系统密钥环</translation>
    </message>
    <message>
        <source>master key: file %1</source>
        <translation>主密钥：文件 %1</translation>
    </message>
</context>
<context>
    <name>MasterKeyPanel</name>
    <message>
        <source>Keep the master key in a &amp;file…</source>
        <translation>将主密钥保存在文件中(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Key &amp;store</source>
        <translation>密钥库(&amp;S)</translation>
    </message>
    <message>
        <source>Move master key to the system &amp;keyring</source>
        <translation>将主密钥移到系统密钥环(&amp;K)</translation>
    </message>
    <message>
        <source>Move master key to a &amp;file…</source>
        <translation>将主密钥移到文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Keyferry cannot open its key store. %1</source>
        <translation>Keyferry 无法打开它的密钥库。%1</translation>
    </message>
    <message>
        <source>Keep the master key in a file</source>
        <translation>将主密钥保存在文件中</translation>
    </message>
    <message>
        <source>A new master-key file</source>
        <translation>新的主密钥文件</translation>
    </message>
    <message>
        <source>Whoever can read %1 can open this key store: keep it private, and back it up with the store (keyferry backup).</source>
        <translation>任何能读取 %1 的人都能打开这个密钥库：请不要让他人读取它，并与密钥库一起备份（keyferry backup）。</translation>
    </message>
    <message>
        <source>&amp;Create the file</source>
        <translation>创建文件(&amp;C)</translation>
    </message>
    <message>
        <source>Opening the key store…</source>
        <translation>正在打开密钥库…</translation>
    </message>
    <message>
        <source>The master key was not taken from that file. %1</source>
        <translation>未使用该文件中的主密钥。%1</translation>
    </message>
    <message>
        <source>Move the master key to a file</source>
        <translation>将主密钥移到文件</translation>
    </message>
    <message>
        <source>The master key moved; %1.</source>
        <translation>主密钥已移动；%1。</translation>
    </message>
    <message>
        <source>The master key was not moved; it is where it was. %1</source>
        <translation>主密钥未移动，仍在原处。%1</translation>
    </message>
</context>
<context>
    <name>MaterialPage</name>
    <message>
        <source>Import key material</source>
        <translation>导入密钥材料</translation>
    </message>
    <message>
        <source>Choose the key material encrypted with the wrapping key you downloaded.</source>
        <translation>选择用您下载的包装密钥加密过的密钥材料。</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>密钥 ID</translation>
    </message>
    <message>
        <source>Encrypted key material file</source>
        <translation>加密后的密钥材料文件</translation>
    </message>
    <message>
        <source>Encrypted key material</source>
        <translation>加密后的密钥材料</translation>
    </message>
    <message>
        <source>Encrypted private key file</source>
        <translation>加密的私钥文件</translation>
    </message>
    <message>
        <source>Encrypted private key</source>
        <translation>加密的私钥</translation>
    </message>
    <message>
        <source>Encrypted &amp;private key:</source>
        <translation>加密的私钥(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Key ID:</source>
        <translation>密钥 ID(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Encrypted key material:</source>
        <translation>加密后的密钥材料(&amp;E)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Import key material&lt;/b&gt;&lt;p&gt;Choose the wrapped file: EncryptedKeyMaterial.bin, or the file your HSM wrote. It is exactly as long as the wrapping key (256 bytes for RSA-2048); Keyferry checks it at once and says so if you picked another file by mistake.&lt;/p&gt;&lt;p&gt;Next asks for the import token.&lt;/p&gt;</source>
        <translation>&lt;b&gt;导入密钥材料&lt;/b&gt;&lt;p&gt;选择包装后的文件：EncryptedKeyMaterial.bin，或者您的 HSM 写出的文件。它的长度与包装密钥完全相同（RSA-2048 为 256 字节）；Keyferry 会立即检查它，如果您误选了别的文件，会告诉您。&lt;/p&gt;&lt;p&gt;下一步需要导入令牌。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Checking the file...</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>%1 bytes of AES key wrap output, the size of a wrapped %2 private key.</source>
        <translation>%1 字节的 AES 密钥包装输出，与包装后的 %2 私钥大小相符。</translation>
    </message>
    <message>
        <source>It is the encrypted key material chosen above; choose out_rsa_private_key.der.</source>
        <translation>这是上面选择的加密密钥材料；请选择 out_rsa_private_key.der。</translation>
    </message>
    <message>
        <source>It is a PEM text file; the wrapped private key is binary AES key wrap output.</source>
        <translation>这是 PEM 文本文件；包装后的私钥是二进制的 AES 密钥包装输出。</translation>
    </message>
    <message>
        <source>It is the private key itself, not wrapped: go back and wrap it first.</source>
        <translation>这是未包装的私钥本身：请返回并先包装它。</translation>
    </message>
    <message>
        <source>It is a public key, not a wrapped private key.</source>
        <translation>这是公钥，不是包装后的私钥。</translation>
    </message>
    <message>
        <source>AES key wrap output is at least 16 bytes and a multiple of 8 bytes.</source>
        <translation>AES 密钥包装输出至少 16 字节，且为 8 字节的整数倍。</translation>
    </message>
    <message>
        <source>A wrapped %1 private key is %2 to %3 bytes: it holds another key.</source>
        <translation>包装后的 %1 私钥为 %2 到 %3 字节：此文件包含的是其他密钥。</translation>
    </message>
    <message>
        <source>%1 holds %2, and is not a wrapped private key.</source>
        <translation>%1 包含%2，不是包装后的私钥。</translation>
    </message>
    <message>
        <source>%1 bytes, the size of the wrapping key: this can be encrypted key material.</source>
        <translation>%1 字节，与包装密钥的长度相同：这可以是加密后的密钥材料。</translation>
    </message>
    <message>
        <source>It looks like plaintext key material: go back and wrap it first.</source>
        <translation>它看起来是明文密钥材料：请返回并先包装它。</translation>
    </message>
    <message>
        <source>It looks like the import token: it belongs on the next page.</source>
        <translation>它看起来是导入令牌：它应在下一页选择。</translation>
    </message>
    <message>
        <source>It looks like the wrapping key, not material wrapped with it.</source>
        <translation>它看起来是包装密钥本身，而不是用它包装后的密钥材料。</translation>
    </message>
    <message>
        <source>It is a PEM text file; encrypted material is raw binary.</source>
        <translation>它是 PEM 文本文件；加密后的密钥材料是原始二进制数据。</translation>
    </message>
    <message>
        <source>%1 holds %2, but encrypted key material is exactly %3 bytes.</source>
        <translation>%1 包含%2，但加密后的密钥材料应恰好为 %3 字节。</translation>
    </message>
</context>
<context>
    <name>NET.0001</name>
    <message>
        <source>Could not connect to the KMS: the connection was refused. Check the endpoint&apos;s host and port, and that the service is running.</source>
        <translation>无法连接到 KMS：连接被拒绝。请检查终端节点的主机和端口，以及服务是否正在运行。</translation>
    </message>
</context>
<context>
    <name>NET.0002</name>
    <message>
        <source>The KMS&apos;s host name could not be found. Check the endpoint&apos;s spelling and DNS.</source>
        <translation>找不到 KMS 的主机名。请检查终端节点的拼写和 DNS。</translation>
    </message>
</context>
<context>
    <name>NET.0003</name>
    <message>
        <source>The KMS did not answer in time. Check the network, a proxy or a firewall between you and the endpoint, then try again.</source>
        <translation>KMS 未能及时响应。请检查网络，以及您与终端节点之间的代理或防火墙，然后重试。</translation>
    </message>
</context>
<context>
    <name>NET.0004</name>
    <message>
        <source>The secure (TLS) connection to the KMS failed: its certificate is not trusted or the endpoint does not speak https. Use http:// for a local keyferry serve.</source>
        <translation>与 KMS 的安全（TLS）连接失败：其证书不受信任，或者终端节点不支持 https。本地的 keyferry serve 请使用 http://。</translation>
    </message>
</context>
<context>
    <name>NET.0005</name>
    <message>
        <source>The connection to the KMS failed. Check the network.</source>
        <translation>与 KMS 的连接失败。请检查网络。</translation>
    </message>
</context>
<context>
    <name>NET.0006</name>
    <message>
        <source>The KMS&apos;s answer could not be understood: a field is missing or malformed.</source>
        <translation>无法理解 KMS 的响应：某个字段缺失或格式错误。</translation>
    </message>
</context>
<context>
    <name>NET.0007</name>
    <message>
        <source>The KMS&apos;s answer was lost and the outcome of the change is unknown. Check the key before you try again.</source>
        <translation>KMS 的应答丢失，此次更改的结果未知。重试前请先检查该密钥。</translation>
    </message>
</context>
<context>
    <name>NET.0008</name>
    <message>
        <source>The change was made, but a step after it failed. Check the key&apos;s details.</source>
        <translation>更改已完成，但其后的步骤失败。请检查该密钥的详情。</translation>
    </message>
</context>
<context>
    <name>NET.0009</name>
    <message>
        <source>The KMS&apos;s answer was lost, and the key shows the change was not made.</source>
        <translation>KMS 的应答丢失，密钥显示此次更改未生效。</translation>
    </message>
</context>
<context>
    <name>Origin</name>
    <message>
        <source>External</source>
        <translation>外部</translation>
    </message>
    <message>
        <source>KMS</source>
        <translation>KMS</translation>
    </message>
</context>
<context>
    <name>PathField</name>
    <message>
        <source>Br&amp;owse...</source>
        <translation>浏览(&amp;O)…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>浏览选择%1</translation>
    </message>
</context>
<context>
    <name>PlaintextCheck</name>
    <message>
        <source>Checking the file...</source>
        <translation>正在检查文件…</translation>
    </message>
</context>
<context>
    <name>ScheduleDeletionDialog</name>
    <message>
        <source>Schedule deletion of %1</source>
        <translation>计划删除 %1</translation>
    </message>
    <message>
        <source>&amp;Schedule deletion</source>
        <translation>计划删除(&amp;S)</translation>
    </message>
    <message>
        <source>The key %1 will be deleted when the waiting period ends. Until then it cannot be used, and you can cancel the deletion.</source>
        <translation>密钥 %1 将在等待期结束时被删除。在此之前它不能使用，您也可以取消删除。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Waiting period in days</source>
        <translation>等待期（天）</translation>
    </message>
    <message>
        <source>&amp;Waiting period (7 to 1096 days):</source>
        <translation>等待期（7 到 1096 天）(&amp;W)：</translation>
    </message>
    <message>
        <source>Deleted on:</source>
        <translation>删除时间：</translation>
    </message>
    <message>
        <source>After that date the deletion cannot be undone: the key and its material are gone, and data encrypted under it can never be decrypted again.</source>
        <translation>过了该日期，删除将无法撤销：密钥及其密钥材料将不复存在，用它加密的数据再也无法解密。</translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <source>Security and durability</source>
        <translation>安全性和持久性</translation>
    </message>
    <message>
        <source>Read how an imported key differs from one whose material the KMS makes, then confirm.</source>
        <translation>请阅读导入的密钥与由 KMS 生成密钥材料的密钥有何不同，然后确认。</translation>
    </message>
    <message>
        <source>Security and durability of an imported key</source>
        <translation>导入密钥的安全性和持久性</translation>
    </message>
    <message>
        <source>&amp;I understand the security and durability of using an imported key</source>
        <translation>我已经了解导入密钥的安全性和持久性(&amp;I)</translation>
    </message>
    <message>
        <source>I understand the security and durability of using an imported key</source>
        <translation>我已经了解导入密钥的安全性和持久性</translation>
    </message>
    <message>
        <source>&lt;b&gt;Security and durability&lt;/b&gt;&lt;p&gt;With imported material you keep the only copy that can restore the key: the KMS never gives the material back, and a key accepts only the same material again.&lt;/p&gt;&lt;p&gt;When you tick the box and click Next, the key is created with empty material and waits, Pending import, for the next steps.&lt;/p&gt;</source>
        <translation>&lt;b&gt;安全性和持久性&lt;/b&gt;&lt;p&gt;使用导入的密钥材料时，能够恢复密钥的唯一副本由您保管：KMS 从不交还密钥材料，而且一个密钥只接受相同的密钥材料再次导入。&lt;/p&gt;&lt;p&gt;勾选复选框并单击“下一步”后，将创建一个密钥材料为空的密钥，它处于“待导入”状态，等待后续步骤。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Next creates the key %1 now, with empty key material: it waits, Pending import, until the material is imported. Cancelling later asks whether to keep it or schedule its deletion.</source>
        <translation>点击“下一步”会立即创建密钥 %1，其密钥材料为空：在导入密钥材料之前，它处于待导入状态。之后取消时会询问是保留它还是计划删除它。</translation>
    </message>
    <message>
        <source>The key %1 exists, with empty key material.</source>
        <translation>密钥 %1 已存在，其密钥材料为空。</translation>
    </message>
    <message>
        <source>Creating the key with empty key material...</source>
        <translation>正在创建密钥材料为空的密钥…</translation>
    </message>
    <message>
        <source>Updating the key...</source>
        <translation>正在更新密钥…</translation>
    </message>
    <message>
        <source>%1 Next goes on with this key and sets what is missing.</source>
        <translation>%1 “下一步”将继续使用此密钥，并补上缺少的设置。</translation>
    </message>
</context>
<context>
    <name>Sentence</name>
    <message>
        <source>%1 (Details: %2)</source>
        <translation>%1（详细信息：%2）</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>Add ta&amp;g</source>
        <translation>添加标签(&amp;G)</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tag key</source>
        <translation>标签键</translation>
    </message>
    <message>
        <source>Tag value</source>
        <translation>标签值</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value (optional)</source>
        <translation>值（可选）</translation>
    </message>
    <message>
        <source>Tag key %1</source>
        <translation>标签键 %1</translation>
    </message>
    <message>
        <source>Tag value %1</source>
        <translation>标签值 %1</translation>
    </message>
    <message>
        <source>Delete tag %1</source>
        <translation>删除标签 %1</translation>
    </message>
    <message>
        <source>%1 of %2 tags</source>
        <translation>%1 / %2 个标签</translation>
    </message>
    <message>
        <source>Looks like the tag key “%1” above: keys that differ in case or spaces are separate tags.</source>
        <translation>看起来与上面的标签键“%1”相同：只在大小写或空格上不同的键是不同的标签。</translation>
    </message>
</context>
<context>
    <name>TokenPage</name>
    <message>
        <source>Import key token</source>
        <translation>导入密钥令牌</translation>
    </message>
    <message>
        <source>Choose the import token and when the key material expires, then click Finish to import.</source>
        <translation>选择导入令牌和密钥材料的失效时间，然后单击“完成”进行导入。</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>密钥 ID</translation>
    </message>
    <message>
        <source>Import token file</source>
        <translation>导入令牌文件</translation>
    </message>
    <message>
        <source>Import token</source>
        <translation>导入令牌</translation>
    </message>
    <message>
        <source>Key material will ne&amp;ver expire</source>
        <translation>密钥材料永不失效(&amp;V)</translation>
    </message>
    <message>
        <source>Key material &amp;expires on</source>
        <translation>密钥材料失效时间(&amp;E)</translation>
    </message>
    <message>
        <source>Key material will never expire</source>
        <translation>密钥材料永不失效</translation>
    </message>
    <message>
        <source>Key material expires on</source>
        <translation>密钥材料失效时间</translation>
    </message>
    <message>
        <source>Expiration date and time</source>
        <translation>失效日期和时间</translation>
    </message>
    <message>
        <source>&amp;Key ID:</source>
        <translation>密钥 ID(&amp;K)：</translation>
    </message>
    <message>
        <source>Import &amp;token:</source>
        <translation>导入令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>Key material expiration mode:</source>
        <translation>密钥材料失效模式：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Import key token&lt;/b&gt;&lt;p&gt;Choose the importToken_… file downloaded with the wrapping key, and decide whether the key material expires. When it expires, the KMS deletes it and the key waits, Pending import, until you import the same material again.&lt;/p&gt;&lt;p&gt;Finish imports the material: the key becomes Enabled and shows its key check value (KCV).&lt;/p&gt;</source>
        <translation>&lt;b&gt;导入密钥令牌&lt;/b&gt;&lt;p&gt;选择与包装密钥一起下载的 importToken_… 文件，并决定密钥材料是否失效。密钥材料失效后，KMS 会删除它，密钥将处于“待导入”状态，直到您再次导入相同的密钥材料。&lt;/p&gt;&lt;p&gt;“完成”会导入密钥材料：密钥变为“已启用”，并显示其密钥校验值（KCV）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The material of a %1 key does not expire: expiry applies to symmetric keys only, as in the cloud.</source>
        <translation>%1 密钥的密钥材料不会过期：与云上一样，过期仅适用于对称密钥。</translation>
    </message>
    <message>
        <source>Importing the key material...</source>
        <translation>正在导入密钥材料…</translation>
    </message>
    <message>
        <source>Importing the private key...</source>
        <translation>正在导入私钥...</translation>
    </message>
    <message>
        <source>Key %1 imported successfully.</source>
        <translation>密钥 %1 导入成功。</translation>
    </message>
    <message>
        <source>Public key SHA-256 fingerprint: %1.</source>
        <translation>公钥 SHA-256 指纹：%1。</translation>
    </message>
    <message>
        <source>It is the fingerprint of the private key wrapped here.</source>
        <translation>这正是此处包装的私钥的指纹。</translation>
    </message>
    <message>
        <source>The private key wrapped here has the fingerprint %1.</source>
        <translation>此处包装的私钥的指纹是 %1。</translation>
    </message>
    <message>
        <source>Key %1 imported successfully. Key check value (KCV): %2.</source>
        <translation>密钥 %1 导入成功。密钥校验值（KCV）：%2。</translation>
    </message>
    <message>
        <source>The KMS checked that it is the KCV expected.</source>
        <translation>KMS 已核对：这正是预期的 KCV。</translation>
    </message>
    <message>
        <source>This KMS reports no key check value, so it could not verify that the imported material has the KCV %1.</source>
        <translation>此 KMS 不报告密钥校验值，因此无法验证导入的密钥材料的 KCV 是否为 %1。</translation>
    </message>
</context>
<context>
    <name>TokenWrapPanel</name>
    <message>
        <source>Installed PKCS#11 modules</source>
        <translation>已安装的 PKCS#11 模块</translation>
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation>PKCS#11 模块</translation>
    </message>
    <message>
        <source>Brow&amp;se...</source>
        <translation>浏览(&amp;S)…</translation>
    </message>
    <message>
        <source>Fin&amp;d tokens</source>
        <translation>查找令牌(&amp;D)</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>User PIN of the token</source>
        <translation>令牌的用户 PIN</translation>
    </message>
    <message>
        <source>Remember the PIN in the system keyring</source>
        <translation>在系统密钥环中记住 PIN</translation>
    </message>
    <message>
        <source>&amp;Log in and list keys</source>
        <translation>登录并列出密钥(&amp;L)</translation>
    </message>
    <message>
        <source>Key in the token</source>
        <translation>令牌中的密钥</translation>
    </message>
    <message>
        <source>Generate a new AES-256 key in the token</source>
        <translation>在令牌中生成新的 AES-256 密钥</translation>
    </message>
    <message>
        <source>Label of the new key</source>
        <translation>新密钥的标签</translation>
    </message>
    <message>
        <source>Wr&amp;ap in the token</source>
        <translation>在令牌中包装(&amp;A)</translation>
    </message>
    <message>
        <source>Installed modules:</source>
        <translation>已安装的模块：</translation>
    </message>
    <message>
        <source>PKCS#11 &amp;module:</source>
        <translation>PKCS#11 模块(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>User P&amp;IN:</source>
        <translation>用户 PIN(&amp;I)：</translation>
    </message>
    <message>
        <source>K&amp;ey:</source>
        <translation>密钥(&amp;E)：</translation>
    </message>
    <message>
        <source>New key&apos;s label:</source>
        <translation>新密钥的标签：</translation>
    </message>
    <message>
        <source>Choose an installed module...</source>
        <translation>选择已安装的模块…</translation>
    </message>
    <message>
        <source>Looking for tokens...</source>
        <translation>正在查找令牌…</translation>
    </message>
    <message>
        <source>%1 (serial %2, %3 %4)</source>
        <translation>%1（序列号 %2，%3 %4）</translation>
    </message>
    <message>
        <source>This module has no token. Connect or initialize one, then click Find tokens.</source>
        <translation>此模块没有令牌。请连接或初始化一个令牌，然后单击“查找令牌”。</translation>
    </message>
    <message>
        <source>Logging in to the token and reading its keys...</source>
        <translation>正在登录令牌并读取其密钥…</translation>
    </message>
    <message>
        <source>KCV %1</source>
        <translation>KCV %1</translation>
    </message>
    <message>
        <source>legacy check value %1, not a KCV</source>
        <translation>旧式校验值 %1，不是 KCV</translation>
    </message>
    <message>
        <source>no KCV</source>
        <translation>无 KCV</translation>
    </message>
    <message>
        <source>, cannot be wrapped</source>
        <translation>，无法包装</translation>
    </message>
    <message>
        <source>Wrap again with the same token key: %1 in the token %2 (KCV %3). Enter the PIN and wrap; the import is checked against that KCV.</source>
        <translation>用同一个令牌密钥再次包装：令牌 %2 中的 %1（KCV %3）。请输入 PIN 并包装；导入时会以该 KCV 进行核对。</translation>
    </message>
    <message>
        <source>A key must be extractable to be wrapped. Keyferry generates it in the token as sensitive and extractable: the token can wrap it, nobody can read it.</source>
        <translation>密钥必须可导出才能被包装。Keyferry 在令牌中把它生成为敏感且可导出：令牌可以包装它，但没有人能读取它。</translation>
    </message>
    <message>
        <source>The token is wrapping the key material...</source>
        <translation>令牌正在包装密钥材料…</translation>
    </message>
    <message>
        <source>The token is wrapping the private key...</source>
        <translation>令牌正在封装私钥...</translation>
    </message>
    <message>
        <source>The token wrote %1.</source>
        <translation>令牌已写入 %1。</translation>
    </message>
    <message>
        <source>%1 (%2, SHA-256 %3%4)</source>
        <translation>%1（%2，SHA-256 %3%4）</translation>
    </message>
    <message>
        <source>Generate a new %1 key pair in the token</source>
        <translation>在令牌中生成新的 %1 密钥对</translation>
    </message>
    <message>
        <source>A private key must be extractable to be wrapped. Keyferry generates the pair in the token with the private key sensitive and extractable: the token can wrap it, nobody can read it.</source>
        <translation>私钥必须可导出才能被封装。Keyferry 在令牌中生成密钥对，私钥设为敏感且可导出：令牌可以封装它，但任何人都无法读取它。</translation>
    </message>
    <message>
        <source>The token wraps the private key in the console&apos;s two layers itself (a temporary AES key of its own, then RFC 5649): the private key never leaves it. Log in to list its %1 private keys.</source>
        <translation>令牌自己按控制台的两层方式封装私钥（先用它自己的临时 AES 密钥，再用 RFC 5649）：私钥从不离开令牌。登录以列出它的 %1 私钥。</translation>
    </message>
    <message>
        <source>It holds %1 private keys of another spec, not listed.</source>
        <translation>它还有 %1 个其他规格的私钥，未列出。</translation>
    </message>
    <message>
        <source>The token wrote %1 and %2. Public key SHA-256 fingerprint: %3.</source>
        <translation>令牌已写入 %1 和 %2。公钥 SHA-256 指纹：%3。</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>&amp;Import Key…</source>
        <translation>导入密钥(&amp;I)…</translation>
    </message>
    <message>
        <source>Import Key</source>
        <translation>导入密钥</translation>
    </message>
    <message>
        <source>C&amp;reate Key…</source>
        <translation>创建密钥(&amp;R)…</translation>
    </message>
    <message>
        <source>Create Key</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <source>Search keys</source>
        <translation>搜索密钥</translation>
    </message>
    <message>
        <source>Alias, key ID, description, tag key or value</source>
        <translation>别名、密钥 ID、描述、标签键或标签值</translation>
    </message>
    <message>
        <source>Show keys in state</source>
        <translation>显示处于此状态的密钥</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>TryItDialog</name>
    <message>
        <source>Try %1</source>
        <translation>试用 %1</translation>
    </message>
    <message>
        <source>&amp;Encrypt and decrypt</source>
        <translation>加密并解密(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Sign and verify</source>
        <translation>签名并验签(&amp;S)</translation>
    </message>
    <message>
        <source>Signing algorithm</source>
        <translation>签名算法</translation>
    </message>
    <message>
        <source>&amp;Algorithm:</source>
        <translation>算法(&amp;A)：</translation>
    </message>
    <message>
        <source>Text to sign</source>
        <translation>要签名的文本</translation>
    </message>
    <message>
        <source>Signature (Base64)</source>
        <translation>签名 (Base64)</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>验签结果</translation>
    </message>
    <message>
        <source>Verified:</source>
        <translation>验签：</translation>
    </message>
    <message>
        <source>Type a short text. Keyferry signs its digest with this key (sign), then verifies the signature (validate-signature), as any application using the key would; the same signature must not verify a changed text.</source>
        <translation>输入一段短文本。Keyferry 用此密钥对其摘要签名（sign），再验证签名（validate-signature），与任何使用该密钥的应用相同；同一签名不应能验证改动过的文本。</translation>
    </message>
    <message>
        <source>Type a short text (up to %1 bytes). Keyferry encrypts it with this key and RSAES_OAEP_SHA_256 (encrypt-data), then decrypts the ciphertext (decrypt-data), as any application using the key would.</source>
        <translation>输入一段短文本（最多 %1 字节）。Keyferry 用此密钥和 RSAES_OAEP_SHA_256 加密它（encrypt-data），再解密密文（decrypt-data），与任何使用该密钥的应用相同。</translation>
    </message>
    <message>
        <source>Type a short text. Keyferry encrypts it with this key (encrypt-data), then decrypts the ciphertext (decrypt-data), as any application using the key would.</source>
        <translation>输入一小段文字。Keyferry 会用此密钥加密它（encrypt-data），然后解密得到的密文（decrypt-data），就像任何使用此密钥的应用程序一样。</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>The signature verifies, and does not verify the text with one character added: the key works.</source>
        <translation>签名验证通过，且对多加一个字符的文本验证不通过：密钥可用。</translation>
    </message>
    <message>
        <source>The signature did not verify as it should.</source>
        <translation>签名的验证结果与预期不符。</translation>
    </message>
    <message>
        <source>The text is %1 bytes; this key encrypts up to %2.</source>
        <translation>文本为 %1 字节；此密钥最多加密 %2 字节。</translation>
    </message>
    <message>
        <source>Text to encrypt</source>
        <translation>要加密的文字</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>文字(&amp;T)：</translation>
    </message>
    <message>
        <source>Ciphertext (Base64)</source>
        <translation>密文（Base64）</translation>
    </message>
    <message>
        <source>Decrypted text</source>
        <translation>解密后的文字</translation>
    </message>
    <message>
        <source>Decrypted:</source>
        <translation>解密结果：</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>The decrypted text matches: the key works.</source>
        <translation>解密后的文字与原文一致：密钥可以正常使用。</translation>
    </message>
    <message>
        <source>The decrypted text differs from the text typed.</source>
        <translation>解密后的文字与输入的文字不一致。</translation>
    </message>
</context>
<context>
    <name>WindowHelp</name>
    <message>
        <source>Import Key: bring your own key material</source>
        <translation>导入密钥：导入您自己的密钥材料</translation>
    </message>
    <message>
        <source>Create Key: material generated by the KMS</source>
        <translation>创建密钥：由 KMS 生成密钥材料</translation>
    </message>
    <message>
        <source>Search; Esc clears it</source>
        <translation>搜索；按 Esc 清除</translation>
    </message>
    <message>
        <source>Open the selected key: its details, or Import material again</source>
        <translation>打开所选密钥：查看其详情，或重新导入密钥材料</translation>
    </message>
    <message>
        <source>Copy the selected key&apos;s ID</source>
        <translation>复制所选密钥的 ID</translation>
    </message>
    <message>
        <source>Schedule the selected key&apos;s deletion</source>
        <translation>计划删除所选密钥</translation>
    </message>
    <message>
        <source>Edit alias and description</source>
        <translation>编辑别名和描述</translation>
    </message>
    <message>
        <source>Reload the list</source>
        <translation>重新加载列表</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&lt;p&gt;The list shows every key of the KMS you are connected to. Select a key to see its details below the list; the Key menu, the toolbar and the list&apos;s context menu act on it. An action the key&apos;s state does not allow is greyed out, and its tooltip says why.&lt;/p&gt;&lt;p&gt;To bring your own key material, choose Import Key: the wizard follows the console&apos;s steps.&lt;/p&gt;</source>
        <translation>&lt;p&gt;列表显示您所连接的 KMS 中的每个密钥。选择一个密钥，即可在列表下方查看其详情；“密钥”菜单、工具栏和列表的右键菜单都对它进行操作。密钥状态不允许的操作显示为灰色，其提示会说明原因。&lt;/p&gt;&lt;p&gt;要导入您自己的密钥材料，请选择“导入密钥”：向导会按照控制台的步骤进行。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyferry Help</source>
        <translation>Keyferry 帮助</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>The key store is not open. View &gt; Reload tries again.</source>
        <translation>密钥库未打开。“查看 &gt; 重新加载”可重试。</translation>
    </message>
    <message>
        <source>This KMS keeps no audit log Keyferry can read: see its own trace service.</source>
        <translation>此 KMS 没有 Keyferry 可读取的审计日志：请查看其自己的审计服务。</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>密钥(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Key actions</source>
        <translation>密钥操作</translation>
    </message>
    <message>
        <source>More key actions</source>
        <translation>更多密钥操作</translation>
    </message>
    <message>
        <source>&amp;Import Key…</source>
        <translation>导入密钥(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Create Key…</source>
        <translation>创建密钥(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Keyferry &amp;Help</source>
        <translation>Keyferry 帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Connect to a &amp;remote KMS…</source>
        <translation>连接到远程 KMS(&amp;R)…</translation>
    </message>
    <message>
        <source>Use the &amp;local engine</source>
        <translation>使用本地引擎(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About Keyferry</source>
        <translation>关于 Keyferry(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Follow the language of this computer (English unless it is Chinese).</source>
        <translation>跟随这台计算机的语言（非中文时使用英文）。</translation>
    </message>
</context>
<context>
    <name>WindowStatus</name>
    <message>
        <source>Connected KMS</source>
        <translation>已连接的 KMS</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No keys: the store is not open</source>
        <translation>没有密钥：密钥库未打开</translation>
    </message>
    <message>
        <source>The key store is not open. View &gt; Reload tries again.</source>
        <translation>密钥库未打开。“查看 &gt; 重新加载”可重试。</translation>
    </message>
    <message>
        <source>Opening the key store…</source>
        <translation>正在打开密钥库…</translation>
    </message>
    <message>
        <source>Loading keys… (%1 so far)</source>
        <translation>正在加载密钥…（已加载 %1 个）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s)</source>
        <translation>
            <numerusform>%Ln 个密钥</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln key(s) match</source>
        <translation>
            <numerusform>%Ln 个密钥中有 %1 个匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>No key matches the search and the state shown.</source>
        <translation>没有密钥符合搜索条件和所显示的状态。</translation>
    </message>
    <message>
        <source>(%1 loaded; scrolling loads more)</source>
        <translation>（已载入 %1 个；滚动可载入更多）</translation>
    </message>
    <message>
        <source>No keys yet.</source>
        <translation>还没有密钥。</translation>
    </message>
    <message>
        <source>Import Key (Ctrl+I): bring your own key material into a new key.</source>
        <translation>导入密钥 (Ctrl+I)：将您自己的密钥材料导入新密钥。</translation>
    </message>
    <message>
        <source>Create Key (Ctrl+N): a key whose material the KMS generates.</source>
        <translation>创建密钥 (Ctrl+N)：由 KMS 生成密钥材料的密钥。</translation>
    </message>
</context>
<context>
    <name>WrapPage</name>
    <message>
        <source>Wrap key material</source>
        <translation>包装密钥材料</translation>
    </message>
    <message>
        <source>Encrypt 32 bytes of key material with the wrapping key, on your HSM or here.</source>
        <translation>用包装密钥加密 32 字节的密钥材料，可以在您的 HSM 上完成，也可以在这里完成。</translation>
    </message>
    <message>
        <source>I will wrap it on my &amp;HSM</source>
        <translation>我将在自己的 HSM 上包装(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Wrap it here</source>
        <translation>在这里包装(&amp;W)</translation>
    </message>
    <message>
        <source>Key check value (KCV) from your HSM</source>
        <translation>您的 HSM 显示的密钥校验值（KCV）</translation>
    </message>
    <message>
        <source>for example CABA0B</source>
        <translation>例如 CABA0B</translation>
    </message>
    <message>
        <source>&amp;KCV your HSM shows for this material (optional):</source>
        <translation>您的 HSM 为此密钥材料显示的 KCV（可选）(&amp;K)：</translation>
    </message>
    <message>
        <source>Wrap it in m&amp;y HSM through PKCS#11 (the material never leaves it)</source>
        <translation>通过 PKCS#11 在我的 HSM 中包装(&amp;Y)（材料从不离开 HSM）</translation>
    </message>
    <message>
        <source>&amp;Generate new key material (32 random bytes)</source>
        <translation>生成新的密钥材料（32 个随机字节）(&amp;G)</translation>
    </message>
    <message>
        <source>Use an e&amp;xisting 32-byte key material file</source>
        <translation>使用已有的 32 字节密钥材料文件(&amp;X)</translation>
    </message>
    <message>
        <source>Plaintext key material file</source>
        <translation>明文密钥材料文件</translation>
    </message>
    <message>
        <source>Plaintext key material</source>
        <translation>明文密钥材料</translation>
    </message>
    <message>
        <source>W&amp;rap</source>
        <translation>包装(&amp;R)</translation>
    </message>
    <message>
        <source>Wrap the key material</source>
        <translation>包装密钥材料</translation>
    </message>
    <message>
        <source>&lt;b&gt;Wrap key material&lt;/b&gt;&lt;p&gt;Your 32 bytes of key material never travel in plaintext: wrapping encrypts them with the downloaded wrapping key, so only the KMS can read them.&lt;/p&gt;&lt;p&gt;Wrap them on your HSM, or let Keyferry do it here: it generates the material (or reads your file) and writes EncryptedKeyMaterial.bin. Compare the key check value (KCV) with your HSM&apos;s, and keep the plaintext somewhere safe: you need it to import the same material again.&lt;/p&gt;</source>
        <translation>&lt;b&gt;包装密钥材料&lt;/b&gt;&lt;p&gt;您的 32 字节密钥材料绝不会以明文传输：包装就是用下载的包装密钥加密它们，只有 KMS 才能读取。&lt;/p&gt;&lt;p&gt;您可以在自己的 HSM 上包装，也可以让 Keyferry 在这里完成：它会生成密钥材料（或读取您的文件），并写出 EncryptedKeyMaterial.bin。请将密钥校验值（KCV）与您的 HSM 显示的值进行比较，并把明文妥善保存：再次导入相同的密钥材料时需要它。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The same with openssl (the console guide, importing an asymmetric key):</source>
        <translation>用 openssl 完成同样的操作（控制台指南，导入非对称密钥）：</translation>
    </message>
    <message>
        <source>The same with openssl (the console guide, Table 2):</source>
        <translation>用 openssl 完成同样的操作（控制台指南，表 2）：</translation>
    </message>
    <message>
        <source>Wrap the private key (%1) in the console&apos;s two layers, on your HSM or here.</source>
        <translation>按控制台的两层方式包装私钥（%1），在您的 HSM 上或在此处。</translation>
    </message>
    <message>
        <source>Save the &amp;plaintext material as:</source>
        <translation>将明文密钥材料另存为(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Plaintext material file (32 bytes):</source>
        <translation>明文密钥材料文件（32 字节）(&amp;P)：</translation>
    </message>
    <message>
        <source>This file holds your key material in plaintext. Keep it safe (on your HSM or offline media) and delete working copies: you need the same material to import it again.</source>
        <translation>此文件以明文保存您的密钥材料。请妥善保管（放在您的 HSM 或离线介质上），并删除工作副本：再次导入时需要相同的密钥材料。</translation>
    </message>
    <message>
        <source>With RSAES_PKCS1_V1_5, material wrapped with the wrong key or algorithm can unwrap to random bytes and import, and the key is then bound to them for ever. Type your HSM&apos;s KCV so that such an import is refused.</source>
        <translation>使用 RSAES_PKCS1_V1_5 时，用错误的密钥或算法包装的密钥材料可能解包为随机字节并导入成功，密钥从此永久绑定到这些字节。请输入您的 HSM 显示的 KCV，这样的导入就会被拒绝。</translation>
    </message>
    <message>
        <source>Wrap 32 bytes of key material on your HSM with the wrapping key %1 and the algorithm %2. Save the result as a file, then click Next and choose it.</source>
        <translation>请在您的 HSM 上，用包装密钥 %1 和算法 %2 包装 32 字节的密钥材料。将结果保存为文件，然后单击“下一步”并选择它。</translation>
    </message>
    <message>
        <source>The same with openssl (the console guide, Table 2) shows here once a usable 32-byte file is chosen.</source>
        <translation>选择可用的 32 字节文件后，这里显示使用 openssl 的相同步骤（控制台指南，表 2）。</translation>
    </message>
    <message>
        <source>Wrote %1. The plaintext is in %2.</source>
        <translation>已写入 %1。明文保存在 %2。</translation>
    </message>
    <message>
        <source>Next wraps it and goes on; Wrap does it now, to see its KCV first.</source>
        <translation>“下一步”会包装密钥材料并继续；“包装”则立即包装，以便先查看其 KCV。</translation>
    </message>
    <message>
        <source>The KCV is AES-CMAC of a zero block, first 3 bytes (not the older AES-ECB check value). With it, the import is refused unless the unwrapped material has this KCV.</source>
        <translation>KCV 是对一个全零分组计算 AES-CMAC 所得的前 3 个字节（不是旧式的 AES-ECB 校验值）。填写后，只有解包后的密钥材料具有此 KCV 时才会导入，否则导入会被拒绝。</translation>
    </message>
    <message>
        <source>Key check value (KCV): %1. Compare it with your HSM&apos;s; the import is refused unless the unwrapped material has this KCV.</source>
        <translation>密钥校验值（KCV）：%1。请将其与您的 HSM 显示的值进行比较；只有解包后的密钥材料具有此 KCV 时才会导入，否则导入会被拒绝。</translation>
    </message>
    <message>
        <source>The key check value (KCV) appears here after Wrap.</source>
        <translation>包装后，密钥校验值（KCV）会显示在这里。</translation>
    </message>
    <message>
        <source>Wrap the private key on your HSM, or with the commands below, with the wrapping key %1 and the algorithm %2: EncryptedKeyMaterial.bin and out_rsa_private_key.der. Then click Next and choose both files.</source>
        <translation>在您的 HSM 上或用下面的命令，以包装密钥 %1 和算法 %2 包装私钥，得到 EncryptedKeyMaterial.bin 和 out_rsa_private_key.der。然后单击“下一步”并选择这两个文件。</translation>
    </message>
    <message>
        <source>Go to the download folder</source>
        <translation>进入下载文件夹</translation>
    </message>
    <message>
        <source>Generate 256-bit key material</source>
        <translation>生成 256 位密钥材料</translation>
    </message>
    <message>
        <source>Wrap it with the wrapping key (%1)</source>
        <translation>用包装密钥包装它（%1）</translation>
    </message>
    <message>
        <source>Choose the plaintext key material file.</source>
        <translation>请选择明文密钥材料文件。</translation>
    </message>
    <message>
        <source>Wrapping the key material...</source>
        <translation>正在包装密钥材料…</translation>
    </message>
    <message>
        <source>The key check value (KCV), computed in the token, appears here.</source>
        <translation>由令牌计算的密钥校验值（KCV）将显示在这里。</translation>
    </message>
    <message>
        <source>Key check value (KCV), computed in the token: %1. The import is checked against it: the KMS must find the same material.</source>
        <translation>由令牌计算的密钥校验值（KCV）：%1。导入时会以它为准进行核对：KMS 必须得到相同的材料。</translation>
    </message>
    <message>
        <source>The token cannot compute this key&apos;s KCV (AES-CMAC). Its legacy check value (CKA_CHECK_VALUE, AES-ECB of zeros) is %1: another number than the KCV the KMS shows, so compare them by hand.</source>
        <translation>令牌无法计算此密钥的 KCV（AES-CMAC）。它的旧式校验值（CKA_CHECK_VALUE，对全零块做 AES-ECB）是 %1：这与 KMS 显示的 KCV 是不同的数值，请自行比对。</translation>
    </message>
</context>
<context>
    <name>WrappingAlgorithm</name>
    <message>
        <source>RSA encryption algorithm that uses OAEP and has the SHA-256 hash function. Use it if your HSM supports it.</source>
        <translation>使用 OAEP 填充和 SHA-256 哈希函数的 RSA 加密算法。如果您的 HSM 支持，请使用它。</translation>
    </message>
    <message>
        <source>RSA encryption algorithm (v1.5) of Public-Key Cryptography Standards number 1 (PKCS #1). Use it if your HSM does not support OAEP.</source>
        <translation>公钥密码学标准第 1 号（PKCS #1）中的 RSA 加密算法（v1.5）。如果您的 HSM 不支持 OAEP，请使用它。</translation>
    </message>
    <message>
        <source>RSA encryption algorithm that uses Optimal Asymmetric Encryption Padding (OAEP) and has the SHA-1 hash function. It is no longer secure: use it only if your HSM supports nothing else.</source>
        <translation>使用最优非对称加密填充（OAEP）和 SHA-1 哈希函数的 RSA 加密算法。它已不再安全：仅在您的 HSM 不支持其他算法时使用。</translation>
    </message>
</context>
<context>
    <name>access_key.characters</name>
    <message>
        <source>Enter the access key ID: letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>请输入访问密钥 ID（AK）：字母、数字、“.”、“_”和“-”。</translation>
    </message>
</context>
<context>
    <name>alias.characters</name>
    <message>
        <source>The alias can contain only letters, digits, colons (:), slashes (/), underscores (_) and hyphens (-).</source>
        <translation>别名只能包含字母、数字、冒号（:）、斜杠（/）、下划线（_）和连字符（-）。</translation>
    </message>
</context>
<context>
    <name>alias.empty</name>
    <message>
        <source>Enter an alias.</source>
        <translation>请输入别名。</translation>
    </message>
</context>
<context>
    <name>alias.reserved</name>
    <message>
        <source>The alias cannot end with /default: it is reserved.</source>
        <translation>别名不能以 /default 结尾：它是保留的。</translation>
    </message>
</context>
<context>
    <name>alias.too_long</name>
    <message>
        <source>The alias can have at most 255 characters.</source>
        <translation>别名最多 255 个字符。</translation>
    </message>
</context>
<context>
    <name>asym.kind_ec</name>
    <message>
        <source>an EC key on the curve {curve}</source>
        <translation>一个曲线为 {curve} 的 EC 密钥</translation>
    </message>
</context>
<context>
    <name>asym.kind_other</name>
    <message>
        <source>a key of the kind {kind}</source>
        <translation>一个类型为 {kind} 的密钥</translation>
    </message>
</context>
<context>
    <name>asym.kind_rsa</name>
    <message>
        <source>an RSA {bits}-bit key</source>
        <translation>一个 {bits} 位的 RSA 密钥</translation>
    </message>
</context>
<context>
    <name>asym.no_delete_material</name>
    <message>
        <source>The material of a {spec} key cannot be deleted: that applies to symmetric keys only. Schedule the key&apos;s deletion instead.</source>
        <translation>{spec} 密钥的材料不能删除：此操作仅适用于对称密钥。请改为计划删除该密钥。</translation>
    </message>
</context>
<context>
    <name>asym.no_expiry</name>
    <message>
        <source>The material of a {spec} key cannot expire: leave out expiration_time. Expiry applies to symmetric keys only.</source>
        <translation>{spec} 密钥的材料不能设置过期：请不要提供 expiration_time。过期时间仅适用于对称密钥。</translation>
    </message>
</context>
<context>
    <name>asym.not_asymmetric</name>
    <message>
        <source>A {spec} key has no public key: it is symmetric.</source>
        <translation>{spec} 密钥没有公钥：它是对称密钥。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_differs</name>
    <message>
        <source>This key had another private key before. Import the same private key as the first time (its public key differs).</source>
        <translation>此密钥之前导入过另一个私钥。请导入与第一次相同的私钥（其公钥不同）。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_empty</name>
    <message>
        <source>The unwrapped private key is empty.</source>
        <translation>解包后的私钥为空。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_encrypted</name>
    <message>
        <source>The unwrapped private key is an encrypted PKCS#8 key; wrap it unencrypted (openssl pkcs8 -topk8 -outform DER -nocrypt).</source>
        <translation>解包后的私钥是加密的 PKCS#8 密钥；请包装未加密的形式（openssl pkcs8 -topk8 -outform DER -nocrypt）。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_missing</name>
    <message>
        <source>A {spec} key imports a private key: send encrypted_privatekey (the PKCS#8 private key wrapped under the temporary key) beside encrypted_key_material.</source>
        <translation>{spec} 密钥需要导入私钥：请在 encrypted_key_material 之外同时提供 encrypted_privatekey（用临时密钥包装的 PKCS#8 私钥）。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_not_base64</name>
    <message>
        <source>The encrypted private key is not valid Base64.</source>
        <translation>加密的私钥不是有效的 Base64。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_not_der</name>
    <message>
        <source>The unwrapped private key is not a DER structure.</source>
        <translation>解包后的私钥不是 DER 结构。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_not_text</name>
    <message>
        <source>The encrypted private key must be Base64 text.</source>
        <translation>加密的私钥必须是 Base64 文本。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_pem</name>
    <message>
        <source>The unwrapped private key is PEM text; wrap the PKCS#8 DER form (openssl pkcs8 -topk8 -outform DER -nocrypt).</source>
        <translation>解包后的私钥是 PEM 文本；请包装 PKCS#8 DER 格式（openssl pkcs8 -topk8 -outform DER -nocrypt）。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_pkcs1</name>
    <message>
        <source>The unwrapped private key is a PKCS#1 RSA key; convert it to PKCS#8 DER first (openssl pkcs8 -topk8 -outform DER -nocrypt).</source>
        <translation>解包后的私钥是 PKCS#1 RSA 密钥；请先转换为 PKCS#8 DER（openssl pkcs8 -topk8 -outform DER -nocrypt）。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_public</name>
    <message>
        <source>The unwrapped key is a public key; import the private key.</source>
        <translation>解包后的密钥是公钥；请导入私钥。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_sec1</name>
    <message>
        <source>The unwrapped private key is a SEC1 EC key; convert it to PKCS#8 DER first (openssl pkcs8 -topk8 -outform DER -nocrypt).</source>
        <translation>解包后的私钥是 SEC1 EC 密钥；请先转换为 PKCS#8 DER（openssl pkcs8 -topk8 -outform DER -nocrypt）。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_size</name>
    <message>
        <source>The encrypted private key must be 16 to {limit} bytes, a multiple of 8.</source>
        <translation>加密的私钥必须为 16 到 {limit} 字节，且是 8 的倍数。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_spec</name>
    <message>
        <source>The private key is {found}, but this key&apos;s spec is {spec}. Import a private key of the key&apos;s spec.</source>
        <translation>该私钥是{found}，但此密钥的规格是 {spec}。请导入与密钥规格相符的私钥。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_symmetric</name>
    <message>
        <source>A {spec} key imports 32 bytes of key material only: leave out encrypted_privatekey.</source>
        <translation>{spec} 密钥只导入 32 字节的密钥材料：请不要提供 encrypted_privatekey。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_unreadable</name>
    <message>
        <source>The unwrapped private key is not a valid PKCS#8 private key.</source>
        <translation>解包后的私钥不是有效的 PKCS#8 私钥。</translation>
    </message>
</context>
<context>
    <name>asym.private_key_unwrap</name>
    <message>
        <source>The private key does not unwrap with the temporary key (AES key wrap with padding, RFC 5649): the file is truncated or changed, or was wrapped under another temporary key than the one in encrypted_key_material.</source>
        <translation>私钥无法用临时密钥解包（带填充的 AES 密钥包装，RFC 5649）：文件被截断或修改过，或者包装它的临时密钥不是 encrypted_key_material 中的那个。</translation>
    </message>
</context>
<context>
    <name>asym.symmetric_only</name>
    <message>
        <source>A {spec} key cannot do this: it applies to symmetric keys only.</source>
        <translation>{spec} 密钥不能执行此操作：它仅适用于对称密钥。</translation>
    </message>
</context>
<context>
    <name>asym.temporary_key_length</name>
    <message>
        <source>The unwrapped temporary key is {length} bytes; it must be a 256-bit AES key ({expected} bytes), wrapped with {algorithm}, the algorithm of this token.</source>
        <translation>解包后的临时密钥为 {length} 字节；它必须是 256 位 AES 密钥（{expected} 字节），并使用此令牌的算法 {algorithm} 包装。</translation>
    </message>
</context>
<context>
    <name>backend.local</name>
    <message>
        <source>Local engine ({folder})</source>
        <translation>本地引擎（{folder}）</translation>
    </message>
</context>
<context>
    <name>backend.remote</name>
    <message>
        <source>Remote KMS {endpoint} (project {project_id})</source>
        <translation>远程 KMS {endpoint}（项目 {project_id}）</translation>
    </message>
</context>
<context>
    <name>backend.remote_profile</name>
    <message>
        <source>Remote KMS {profile}: {endpoint} (project {project_id})</source>
        <translation>远程 KMS {profile}：{endpoint}（项目 {project_id}）</translation>
    </message>
</context>
<context>
    <name>backup.exists</name>
    <message>
        <source>{path} already exists; choose a new file for the backup.</source>
        <translation>{path} 已存在；请为备份选择一个新文件。</translation>
    </message>
</context>
<context>
    <name>backup.folder_in_use</name>
    <message>
        <source>{folder} already holds a key store. Restore into an empty folder (--data-dir).</source>
        <translation>{folder} 中已有一个密钥库。请恢复到一个空文件夹中（--data-dir）。</translation>
    </message>
</context>
<context>
    <name>backup.master_key_other</name>
    <message>
        <source>{source} already holds a different master key for this store.</source>
        <translation>{source}中已有此密钥库的另一个主密钥。</translation>
    </message>
</context>
<context>
    <name>backup.not_backup</name>
    <message>
        <source>{path} is not a Keyferry backup.</source>
        <translation>{path} 不是 Keyferry 备份。</translation>
    </message>
</context>
<context>
    <name>backup.not_created</name>
    <message>
        <source>Cannot create {path}: {reason}.</source>
        <translation>无法创建 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>backup.not_regular</name>
    <message>
        <source>{path} is not a regular file, so it is not a Keyferry backup.</source>
        <translation>{path} 不是普通文件，因此不是 Keyferry 备份。</translation>
    </message>
</context>
<context>
    <name>backup.not_written</name>
    <message>
        <source>Cannot write {path}: {reason}. Nothing was saved.</source>
        <translation>无法写入 {path}：{reason}。未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>backup.passphrase_short</name>
    <message>
        <source>Choose a passphrase of at least {length} characters.</source>
        <translation>请选择至少 {length} 个字符的口令。</translation>
    </message>
</context>
<context>
    <name>backup.passphrase_wrong</name>
    <message>
        <source>The passphrase is wrong, or the backup file is damaged.</source>
        <translation>口令错误，或备份文件已损坏。</translation>
    </message>
</context>
<context>
    <name>backup.scrypt_settings</name>
    <message>
        <source>{path} asks for key-derivation settings Keyferry never writes (scrypt 2^{log_n}, r={r}, p={p}): it was altered or not made by Keyferry. Nothing was restored.</source>
        <translation>{path} 要求使用 Keyferry 从不写入的密钥派生参数（scrypt 2^{log_n}，r={r}，p={p}）：它已被改动，或并非由 Keyferry 生成。未恢复任何内容。</translation>
    </message>
</context>
<context>
    <name>backup.unreadable</name>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>backup.version</name>
    <message>
        <source>{path} was written by another version of Keyferry.</source>
        <translation>{path} 是由另一个版本的 Keyferry 写入的。</translation>
    </message>
</context>
<context>
    <name>ca_file.no_pem</name>
    <message>
        <source>The CA bundle {path} holds no PEM certificate (-----BEGIN CERTIFICATE-----).</source>
        <translation>CA 证书包 {path} 中没有 PEM 证书（-----BEGIN CERTIFICATE-----）。</translation>
    </message>
</context>
<context>
    <name>ca_file.unreadable</name>
    <message>
        <source>The CA bundle {path} cannot be read ({reason}).</source>
        <translation>无法读取 CA 证书包 {path}（{reason}）。</translation>
    </message>
</context>
<context>
    <name>cli.asym_expiry</name>
    <message>
        <source>A private key&apos;s material never expires: leave out --never-expires and --expires-at.</source>
        <translation>私钥的材料永不过期：请不要使用 --never-expires 和 --expires-at。</translation>
    </message>
</context>
<context>
    <name>cli.datakey_not_hex</name>
    <message>
        <source>The data key must be hex.</source>
        <translation>数据密钥必须是十六进制。</translation>
    </message>
</context>
<context>
    <name>cli.datakey_too_long</name>
    <message>
        <source>The data key on stdin is longer than any data key.</source>
        <translation>标准输入中的数据密钥比任何数据密钥都长。</translation>
    </message>
</context>
<context>
    <name>cli.expiry_needed</name>
    <message>
        <source>Choose --never-expires or --expires-at.</source>
        <translation>请选择 --never-expires 或 --expires-at。</translation>
    </message>
</context>
<context>
    <name>cli.folder_not_created</name>
    <message>
        <source>The folder {path} could not be created: {reason}.</source>
        <translation>无法创建文件夹 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>cli.no_audit_log</name>
    <message>
        <source>This KMS keeps no audit log Keyferry can read; a cloud KMS records its operations in its own trace service (Huawei Cloud: Cloud Trace Service).</source>
        <translation>此 KMS 没有 Keyferry 可读取的审计日志；云 KMS 会在其自己的审计服务中记录操作（华为云：云审计服务 CTS）。</translation>
    </message>
</context>
<context>
    <name>cli.no_parent_folder</name>
    <message>
        <source>{path} does not exist, nor does the folder it would be made in ({parent}); nothing was created.</source>
        <translation>{path} 不存在，要在其中创建它的文件夹（{parent}）也不存在；未创建任何内容。</translation>
    </message>
</context>
<context>
    <name>cli.not_a_time</name>
    <message>
        <source>{value!r} is not an ISO 8601 date and time.</source>
        <translation>{value!r} 不是 ISO 8601 日期和时间。</translation>
    </message>
</context>
<context>
    <name>cli.not_folder</name>
    <message>
        <source>{path} is not a folder.</source>
        <translation>{path} 不是文件夹。</translation>
    </message>
</context>
<context>
    <name>cli.not_utf8</name>
    <message>
        <source>The value of {option} is not UTF-8 text (it holds bytes of another encoding). Give it as UTF-8.</source>
        <translation>{option} 的值不是 UTF-8 文本（其中含有其他编码的字节）。请以 UTF-8 给出。</translation>
    </message>
</context>
<context>
    <name>cli.private_key_out</name>
    <message>
        <source>--out-private-key is needed to write the wrapped private key.</source>
        <translation>需要 --out-private-key 来写入包装后的私钥。</translation>
    </message>
</context>
<context>
    <name>cli.since_out_of_range</name>
    <message>
        <source>{value!r} is outside the dates Keyferry can work with.</source>
        <translation>{value!r} 超出了 Keyferry 能处理的日期范围。</translation>
    </message>
</context>
<context>
    <name>cli.spec_needed</name>
    <message>
        <source>Say which spec the private key is for: --key-spec, or --key with the key&apos;s ID.</source>
        <translation>请说明私钥对应的规格：--key-spec，或用 --key 指定密钥 ID。</translation>
    </message>
</context>
<context>
    <name>cli.time_out_of_range</name>
    <message>
        <source>{value!r} is outside the dates Keyferry can work with; give a date and time in the future, before the year 9999.</source>
        <translation>{value!r} 超出了 Keyferry 能处理的日期范围；请给出一个将来的、早于 9999 年的日期和时间。</translation>
    </message>
</context>
<context>
    <name>content.base64</name>
    <message>
        <source>{size} bytes of Base64 text (it decodes to {decoded} bytes)</source>
        <translation> {size} 字节的 Base64 文本（解码后为 {decoded} 字节）</translation>
    </message>
</context>
<context>
    <name>content.base64_token</name>
    <message>
        <source>{size} bytes of Base64 text (it decodes to {decoded} bytes; an import token looks like this)</source>
        <translation> {size} 字节的 Base64 文本（解码后为 {decoded} 字节；导入令牌就是这样的）</translation>
    </message>
</context>
<context>
    <name>content.binary</name>
    <message>
        <source>{size} bytes of binary data</source>
        <translation> {size} 字节的二进制数据</translation>
    </message>
</context>
<context>
    <name>content.der</name>
    <message>
        <source>{size} bytes: a DER structure, such as a wrapping key</source>
        <translation> {size} 字节：一个 DER 结构，例如包装密钥</translation>
    </message>
</context>
<context>
    <name>content.empty</name>
    <message>
        <source>an empty file</source>
        <translation>一个空文件</translation>
    </message>
</context>
<context>
    <name>content.hex</name>
    <message>
        <source>{size} bytes of hex text (it decodes to {decoded} bytes)</source>
        <translation> {size} 字节的十六进制文本（解码后为 {decoded} 字节）</translation>
    </message>
</context>
<context>
    <name>content.pem</name>
    <message>
        <source>{size} bytes: a PEM text file ({label})</source>
        <translation> {size} 字节：一个 PEM 文本文件（{label}）</translation>
    </message>
</context>
<context>
    <name>data.datakey_cipher_length</name>
    <message>
        <source>datakey_cipher_length must be the data key&apos;s length in bytes.</source>
        <translation>datakey_cipher_length 必须是数据密钥的字节长度。</translation>
    </message>
</context>
<context>
    <name>data.datakey_other_key</name>
    <message>
        <source>This data key was encrypted under another key.</source>
        <translation>此数据密钥是用另一个密钥加密的。</translation>
    </message>
</context>
<context>
    <name>data.datakey_plain_length</name>
    <message>
        <source>plain_text must be the data key followed by its 32-byte SHA-256 digest, and datakey_plain_length the data key&apos;s length in bytes.</source>
        <translation>plain_text 必须是数据密钥后接其 32 字节的 SHA-256 摘要，datakey_plain_length 必须是数据密钥的字节长度。</translation>
    </message>
</context>
<context>
    <name>data.datakey_spec</name>
    <message>
        <source>{spec!r} is not a data key spec (AES_256 or AES_128).</source>
        <translation>{spec!r} 不是数据密钥规格（AES_256 或 AES_128）。</translation>
    </message>
</context>
<context>
    <name>data.does_not_decrypt</name>
    <message>
        <source>The ciphertext does not decrypt: it was changed, or the additional authenticated data differs from the one used to encrypt.</source>
        <translation>密文无法解密：它已被更改，或附加认证数据与加密时使用的不同。</translation>
    </message>
</context>
<context>
    <name>data.plaintext_size</name>
    <message>
        <source>The plaintext must be 1 to {limit} bytes.</source>
        <translation>明文必须为 1 到 {limit} 字节。</translation>
    </message>
</context>
<context>
    <name>description.not_text</name>
    <message>
        <source>The description must be text.</source>
        <translation>描述必须是文本。</translation>
    </message>
</context>
<context>
    <name>encrypt.algorithm</name>
    <message>
        <source>{value!r} is not an encryption algorithm for a {spec} key: use {expected}.</source>
        <translation>{value!r} 不是 {spec} 密钥的加密算法：请使用 {expected}。</translation>
    </message>
</context>
<context>
    <name>encrypt.key_id_needed</name>
    <message>
        <source>Decrypting with {algorithm} needs the key&apos;s ID (key_id).</source>
        <translation>使用 {algorithm} 解密需要密钥 ID（key_id）。</translation>
    </message>
</context>
<context>
    <name>encrypt.rsa_does_not_decrypt</name>
    <message>
        <source>The ciphertext does not decrypt with this key.</source>
        <translation>密文无法用此密钥解密。</translation>
    </message>
</context>
<context>
    <name>encrypt.rsa_plaintext_size</name>
    <message>
        <source>The plaintext is {length} bytes; RSAES_OAEP_SHA_256 with a {spec} key encrypts 1 to {limit} bytes.</source>
        <translation>明文为 {length} 字节；使用 {spec} 密钥的 RSAES_OAEP_SHA_256 可加密 1 到 {limit} 字节。</translation>
    </message>
</context>
<context>
    <name>endpoint.credentials</name>
    <message>
        <source>Do not put credentials in the endpoint; enter the access key below.</source>
        <translation>不要在终端节点中填写凭据；请在下方输入访问密钥。</translation>
    </message>
</context>
<context>
    <name>endpoint.empty</name>
    <message>
        <source>Enter the KMS endpoint, e.g. https://kms.example.com or http://127.0.0.1:8080.</source>
        <translation>请输入 KMS 终端节点，例如 https://kms.example.com 或 http://127.0.0.1:8080。</translation>
    </message>
</context>
<context>
    <name>endpoint.no_host</name>
    <message>
        <source>The endpoint needs a host name.</source>
        <translation>终端节点需要包含主机名。</translation>
    </message>
</context>
<context>
    <name>endpoint.path</name>
    <message>
        <source>The endpoint is a scheme, a host and a port only, without a path.</source>
        <translation>终端节点只包含协议、主机和端口，不含路径。</translation>
    </message>
</context>
<context>
    <name>endpoint.plain_http</name>
    <message>
        <source>The endpoint must use https:// unless it is on this machine (127.0.0.1, ::1 or localhost): plain http would send your requests and their signatures unencrypted.</source>
        <translation>终端节点必须使用 https://，除非它就在本机（127.0.0.1、::1 或 localhost）：纯 http 会以明文发送您的请求及其签名。</translation>
    </message>
</context>
<context>
    <name>endpoint.plain_http_flag</name>
    <message>
        <source>{problem} To use plain http to it anyway, add --insecure-http.</source>
        <translation>{problem} 如仍要对其使用纯 http，请加上 --insecure-http。</translation>
    </message>
</context>
<context>
    <name>endpoint.port</name>
    <message>
        <source>The endpoint&apos;s port is not a number from 0 to 65535.</source>
        <translation>终端节点的端口不是 0 到 65535 之间的数字。</translation>
    </message>
</context>
<context>
    <name>endpoint.scheme</name>
    <message>
        <source>The endpoint must start with https:// (or http:// for a local server).</source>
        <translation>终端节点必须以 https:// 开头（本地服务器可用 http://）。</translation>
    </message>
</context>
<context>
    <name>expiry.not_whole</name>
    <message>
        <source>The material expiration time must be a whole number.</source>
        <translation>密钥材料失效时间必须是整数。</translation>
    </message>
</context>
<context>
    <name>expiry.too_late</name>
    <message>
        <source>The material expiration time must be before the year 10000.</source>
        <translation>密钥材料失效时间必须早于 10000 年。</translation>
    </message>
</context>
<context>
    <name>expiry.unchosen</name>
    <message>
        <source>Choose when the key material expires.</source>
        <translation>请选择密钥材料的失效时间。</translation>
    </message>
</context>
<context>
    <name>file.disk_full</name>
    <message>
        <source>The disk is full (or your file size limit is reached): there is no space left for it, so {path} could not be written. Nothing was saved.</source>
        <translation>磁盘已满（或已达到您的文件大小限制）：没有剩余空间，因此无法写入 {path}。未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>file.exists</name>
    <message>
        <source>{path} already exists; it was not overwritten.</source>
        <translation>{path} 已存在；未覆盖它。</translation>
    </message>
</context>
<context>
    <name>file.folder</name>
    <message>
        <source>{path} is a folder, not {what}.</source>
        <translation>{path} 是文件夹，不是{what}。</translation>
    </message>
</context>
<context>
    <name>file.grew</name>
    <message>
        <source>{path} grew beyond {limit} while being read.</source>
        <translation>{path} 在读取过程中超过了 {limit}。</translation>
    </message>
</context>
<context>
    <name>file.missing</name>
    <message>
        <source>{path} does not exist (or was removed while being read).</source>
        <translation>{path} 不存在（或在读取时被删除）。</translation>
    </message>
</context>
<context>
    <name>file.no_folder</name>
    <message>
        <source>The folder of {path} does not exist.</source>
        <translation>{path} 所在的文件夹不存在。</translation>
    </message>
</context>
<context>
    <name>file.no_read_permission</name>
    <message>
        <source>You do not have permission to read {path}.</source>
        <translation>您没有读取 {path} 的权限。</translation>
    </message>
</context>
<context>
    <name>file.no_write_permission</name>
    <message>
        <source>You do not have permission to write {path}.</source>
        <translation>您没有写入 {path} 的权限。</translation>
    </message>
</context>
<context>
    <name>file.not_folder</name>
    <message>
        <source>{path} is not a folder. Choose an existing folder.</source>
        <translation>{path} 不是文件夹。请选择一个已有的文件夹。</translation>
    </message>
</context>
<context>
    <name>file.not_readme</name>
    <message>
        <source>{path} is not a README of Keyferry import items.</source>
        <translation>{path} 不是 Keyferry 导入所需项的 README 文件。</translation>
    </message>
</context>
<context>
    <name>file.not_regular</name>
    <message>
        <source>{path} is not a regular file, so it cannot be {what}.</source>
        <translation>{path} 不是普通文件，因此不能作为{what}。</translation>
    </message>
</context>
<context>
    <name>file.not_writable_kind</name>
    <message>
        <source>{path} is not a regular file; choose a file name to write.</source>
        <translation>{path} 不是普通文件；请选择一个要写入的文件名。</translation>
    </message>
</context>
<context>
    <name>file.symlink</name>
    <message>
        <source>{path} is a symbolic link; choose a file name to write.</source>
        <translation>{path} 是符号链接；请选择一个要写入的文件名。</translation>
    </message>
</context>
<context>
    <name>file.too_large</name>
    <message>
        <source>{path} is {size}, far too large to be {what} (at most {limit}). It was not read.</source>
        <translation>{path} 的大小为 {size}，作为{what}太大了（最多 {limit}）。未读取该文件。</translation>
    </message>
</context>
<context>
    <name>file.unreadable</name>
    <message>
        <source>{path} could not be read: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>file.unwritable</name>
    <message>
        <source>{path} could not be written: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>hsm.algorithm_unsupported</name>
    <message>
        <source>The token cannot wrap with {algorithm} ({reason}). Download new import items with an algorithm it can do ({alternatives}), or use a token that can. Choose with care: material imported with a wrapping algorithm keeps it, and that cannot be fixed after the import.</source>
        <translation>令牌无法使用 {algorithm} 进行包装（{reason}）。请用它支持的算法（{alternatives}）重新下载导入项，或使用支持该算法的令牌。请谨慎选择：密钥材料会一直沿用导入时的包装算法，导入后无法更正。</translation>
    </message>
</context>
<context>
    <name>hsm.ambiguous_key</name>
    <message>
        <source>The token {token} has several AES keys labelled {label}. Give each its own label with your HSM&apos;s tool.</source>
        <translation>令牌 {token} 中有多个标签为 {label} 的 AES 密钥。请用 HSM 的工具为每个密钥设置不同的标签。</translation>
    </message>
</context>
<context>
    <name>hsm.ambiguous_token</name>
    <message>
        <source>Several tokens are labelled {token} (serial numbers {serials}). Give each its own label with your HSM&apos;s tool.</source>
        <translation>有多个令牌的标签都是 {token}（序列号 {serials}）。请用 HSM 的工具为每个令牌设置不同的标签。</translation>
    </message>
</context>
<context>
    <name>hsm.kcv_differs</name>
    <message>
        <source>The token&apos;s key {label} has the key check value {found}, but this key&apos;s material has {expected}: it is other material, which the KMS will refuse. Choose the token key the material came from.</source>
        <translation>令牌中密钥 {label} 的密钥校验值是 {found}，但此密钥的材料是 {expected}：这是另一份材料，KMS 会拒绝。请选择该材料所来自的令牌密钥。</translation>
    </message>
</context>
<context>
    <name>hsm.label_exists</name>
    <message>
        <source>The token {token} already has a key labelled {label}; nothing was generated. Choose another label, or use that key.</source>
        <translation>令牌 {token} 中已有标签为 {label} 的密钥；未生成新密钥。请换一个标签，或使用该密钥。</translation>
    </message>
</context>
<context>
    <name>hsm.module_failed</name>
    <message>
        <source>The PKCS#11 module {path} could not be loaded: {detail}. Check that it is your HSM&apos;s PKCS#11 library and that it is installed completely.</source>
        <translation>无法加载 PKCS#11 模块 {path}：{detail}。请确认它是 HSM 的 PKCS#11 库，并且已完整安装。</translation>
    </message>
</context>
<context>
    <name>hsm.module_init_failed</name>
    <message>
        <source>The PKCS#11 module {path} loaded but failed to start ({reason}). Check its configuration (for SoftHSM: SOFTHSM2_CONF and its token folder) and that the HSM is reachable.</source>
        <translation>PKCS#11 模块 {path} 已加载，但启动失败（{reason}）。请检查它的配置（SoftHSM：SOFTHSM2_CONF 及其令牌文件夹），并确认可以连接到 HSM。</translation>
    </message>
</context>
<context>
    <name>hsm.module_missing</name>
    <message>
        <source>The PKCS#11 module {path} does not exist. Check the path, or install your HSM&apos;s client software, which provides the module.</source>
        <translation>PKCS#11 模块 {path} 不存在。请检查路径，或安装 HSM 的客户端软件（模块由它提供）。</translation>
    </message>
</context>
<context>
    <name>hsm.module_missing_dependency</name>
    <message>
        <source>The PKCS#11 module {path} needs {library}, which is not installed. Install your HSM&apos;s client software completely, or add the folder of its libraries to LD_LIBRARY_PATH.</source>
        <translation>PKCS#11 模块 {path} 需要 {library}，但它没有安装。请完整安装 HSM 的客户端软件，或把它的库所在的文件夹加入 LD_LIBRARY_PATH。</translation>
    </message>
</context>
<context>
    <name>hsm.module_not_pkcs11</name>
    <message>
        <source>{path} is not a PKCS#11 module (it has no C_GetFunctionList). Choose the PKCS#11 library of your HSM&apos;s client software.</source>
        <translation>{path} 不是 PKCS#11 模块（它没有 C_GetFunctionList）。请选择 HSM 客户端软件的 PKCS#11 库。</translation>
    </message>
</context>
<context>
    <name>hsm.module_unreadable</name>
    <message>
        <source>You do not have permission to load the PKCS#11 module {path}. Ask your administrator to make it readable for you.</source>
        <translation>您没有加载 PKCS#11 模块 {path} 的权限。请让管理员为您开放它的读取权限。</translation>
    </message>
</context>
<context>
    <name>hsm.module_wrong_architecture</name>
    <message>
        <source>The PKCS#11 module {path} is built for another kind of processor than this computer&apos;s ({machine}). Use the module your HSM&apos;s client software provides for {machine}.</source>
        <translation>PKCS#11 模块 {path} 是为另一种处理器构建的，不适用于本机（{machine}）。请使用 HSM 客户端软件为 {machine} 提供的模块。</translation>
    </message>
</context>
<context>
    <name>hsm.no_key_wrap_pad</name>
    <message>
        <source>The token {token} cannot wrap a private key with AES key wrap with padding (RFC 5649, CKM_AES_KEY_WRAP_PAD), which an RSA or EC import needs; nothing was wrapped. Use a token that offers it (SoftHSM 2 does), or wrap the private key on your HSM by hand.</source>
        <translation>令牌 {token} 无法用带填充的 AES 密钥封装（RFC 5649，CKM_AES_KEY_WRAP_PAD）封装私钥，而导入 RSA 或 EC 密钥需要它；未封装任何内容。请使用支持它的令牌（SoftHSM 2 支持），或在您的 HSM 上手动封装私钥。</translation>
    </message>
</context>
<context>
    <name>hsm.no_such_key</name>
    <message>
        <source>The token {token} has no AES key labelled {label}. Choose one of its keys, or generate a new one in the token.</source>
        <translation>令牌 {token} 中没有标签为 {label} 的 AES 密钥。请选择它的一个密钥，或在令牌中生成新密钥。</translation>
    </message>
</context>
<context>
    <name>hsm.no_such_private_key</name>
    <message>
        <source>The token {token} has no RSA or EC private key labelled {label}. Choose one of its private keys, or generate a new key pair in the token.</source>
        <translation>令牌 {token} 中没有标签为 {label} 的 RSA 或 EC 私钥。请选择它的一个私钥，或在令牌中生成新的密钥对。</translation>
    </message>
</context>
<context>
    <name>hsm.no_such_token</name>
    <message>
        <source>The PKCS#11 module has no token labelled {token}. Its tokens: {tokens}. Choose one of them.</source>
        <translation>该 PKCS#11 模块没有标签为 {token} 的令牌。它的令牌有：{tokens}。请从中选择一个。</translation>
    </message>
</context>
<context>
    <name>hsm.no_tokens</name>
    <message>
        <source>The PKCS#11 module {path} has no token. Connect or initialize one (for SoftHSM: softhsm2-util --init-token --free --label NAME), then look again.</source>
        <translation>PKCS#11 模块 {path} 没有令牌。请连接或初始化一个令牌（SoftHSM：softhsm2-util --init-token --free --label NAME），然后重新查找。</translation>
    </message>
</context>
<context>
    <name>hsm.not_aes_256</name>
    <message>
        <source>The key {label} is a {bits}-bit AES key; the KMS imports 256-bit key material only. Choose a 256-bit AES key, or generate one in the token.</source>
        <translation>密钥 {label} 是 {bits} 位的 AES 密钥；KMS 只导入 256 位的密钥材料。请选择一个 256 位的 AES 密钥，或在令牌中生成一个。</translation>
    </message>
</context>
<context>
    <name>hsm.not_extractable</name>
    <message>
        <source>The key {label} is not extractable (CKA_EXTRACTABLE is false), so the token will never wrap it, and that cannot be changed. A key must be extractable to be wrapped: generate a new key in the token (Keyferry makes it extractable and sensitive: it can be wrapped, never read).</source>
        <translation>密钥 {label} 不可导出（CKA_EXTRACTABLE 为 false），令牌永远不会包装它，而且这一点无法更改。密钥必须可导出才能被包装：请在令牌中生成新密钥（Keyferry 会把它设为可导出且敏感：可以被包装，但永远无法被读取）。</translation>
    </message>
</context>
<context>
    <name>hsm.not_wrappable</name>
    <message>
        <source>The token refuses to wrap the key {label} with the downloaded wrapping key ({reason}); it may allow wrapping only with its own trusted keys (CKA_WRAP_WITH_TRUSTED). Generate a new key in the token, or ask your HSM&apos;s administrator.</source>
        <translation>令牌拒绝用下载的包装密钥包装密钥 {label}（{reason}）；它可能只允许用令牌自己的受信任密钥包装（CKA_WRAP_WITH_TRUSTED）。请在令牌中生成新密钥，或咨询 HSM 的管理员。</translation>
    </message>
</context>
<context>
    <name>hsm.pin_expired</name>
    <message>
        <source>The user PIN of the token {token} has expired. Change it with your HSM&apos;s tool, then try again.</source>
        <translation>令牌 {token} 的用户 PIN 已过期。请用 HSM 的工具修改后重试。</translation>
    </message>
</context>
<context>
    <name>hsm.pin_file_not_text</name>
    <message>
        <source>{path} is not a PIN file: it is not UTF-8 text.</source>
        <translation>{path} 不是 PIN 文件：它不是 UTF-8 文本。</translation>
    </message>
</context>
<context>
    <name>hsm.pin_locked</name>
    <message>
        <source>The user PIN of the token {token} is locked after too many wrong tries. The token&apos;s security officer can unlock it (set a new user PIN) with your HSM&apos;s tool; Keyferry cannot.</source>
        <translation>令牌 {token} 的用户 PIN 因错误次数过多已被锁定。令牌的安全管理员（SO）可以用 HSM 的工具解锁（设置新的用户 PIN）；Keyferry 无法解锁。</translation>
    </message>
</context>
<context>
    <name>hsm.pin_missing</name>
    <message>
        <source>Enter the user PIN of the token {token}.</source>
        <translation>请输入令牌 {token} 的用户 PIN。</translation>
    </message>
</context>
<context>
    <name>hsm.pin_not_initialized</name>
    <message>
        <source>The token {token} has no user PIN yet. Set one with your HSM&apos;s tool (for SoftHSM: softhsm2-util --init-token), then try again.</source>
        <translation>令牌 {token} 还没有用户 PIN。请用 HSM 的工具设置一个（SoftHSM：softhsm2-util --init-token），然后重试。</translation>
    </message>
</context>
<context>
    <name>hsm.private_key_not_importable</name>
    <message>
        <source>The token&apos;s private key {label} is {found}; the KMS imports these only: {specs}. Choose another private key, or generate one in the token.</source>
        <translation>令牌的私钥 {label} 是{found}；KMS 只导入这些规格：{specs}。请选择其他私钥，或在令牌中生成一个。</translation>
    </message>
</context>
<context>
    <name>hsm.private_key_spec</name>
    <message>
        <source>The token&apos;s private key {label} is {found}, but the key being imported is {spec}: the KMS would refuse it. Choose a private key of {spec}, or generate one in the token.</source>
        <translation>令牌的私钥 {label} 是{found}，但要导入的密钥是 {spec}：KMS 会拒绝它。请选择 {spec} 的私钥，或在令牌中生成一个。</translation>
    </message>
</context>
<context>
    <name>hsm.provenance_kcv_differs</name>
    <message>
        <source>--expect-kcv {typed} differs from the KCV {token} that the token computed for this material ({path}). Check which value is right; nothing was imported.</source>
        <translation>--expect-kcv {typed} 与令牌为此密钥材料计算的 KCV {token}（{path}）不同。请核对哪个值正确；未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>hsm.provenance_unreadable</name>
    <message>
        <source>{path} is not a token provenance file of hsm-wrap (it does not parse). Wrap the material again with hsm-wrap, delete the file, or import with --no-provenance.</source>
        <translation>{path} 不是 hsm-wrap 写的令牌来源文件（无法解析）。请用 hsm-wrap 重新加密密钥材料、删除该文件，或使用 --no-provenance 导入。</translation>
    </message>
</context>
<context>
    <name>hsm.read_only</name>
    <message>
        <source>The token {token} is write-protected, so no key can be generated in it. Use one of its keys, or another token.</source>
        <translation>令牌 {token} 处于写保护状态，无法在其中生成密钥。请使用它已有的密钥，或换一个令牌。</translation>
    </message>
</context>
<context>
    <name>hsm.session_lost</name>
    <message>
        <source>The connection to the token was lost ({reason}): it was removed, or the HSM or its network went away. Reconnect it and try again; nothing was written.</source>
        <translation>与令牌的连接已断开（{reason}）：令牌被移除，或 HSM 或其网络不可用。请重新连接后重试；未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>hsm.token_failed</name>
    <message>
        <source>The token refused the operation ({reason}). Check your HSM&apos;s log; nothing was written.</source>
        <translation>令牌拒绝了该操作（{reason}）。请查看 HSM 的日志；未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>hsm.wrong_pin</name>
    <message>
        <source>The PIN is wrong for the token {token}. Nothing was done; enter it again.</source>
        <translation>令牌 {token} 的 PIN 不正确。未执行任何操作，请重新输入。</translation>
    </message>
</context>
<context>
    <name>hsm.wrong_pin_few_tries</name>
    <message>
        <source>The PIN is wrong for the token {token}, and the token says few tries are left before it locks the PIN. Check the PIN before you try again.</source>
        <translation>令牌 {token} 的 PIN 不正确，令牌提示在锁定 PIN 之前剩余的尝试次数不多了。请先核对 PIN 再重试。</translation>
    </message>
</context>
<context>
    <name>hsm.wrong_pin_final_try</name>
    <message>
        <source>The PIN is wrong for the token {token}, and the token says the next wrong PIN locks it. Make sure of the PIN before you try again.</source>
        <translation>令牌 {token} 的 PIN 不正确，令牌提示再输错一次就会锁定 PIN。请确认 PIN 无误后再重试。</translation>
    </message>
</context>
<context>
    <name>import.algorithm</name>
    <message>
        <source>{value!r} is not a wrapping algorithm. Use one of {names}.</source>
        <translation>{value!r} 不是包装算法。请使用以下之一：{names}。</translation>
    </message>
</context>
<context>
    <name>import.delete_state</name>
    <message>
        <source>The key is {state}: key material can be deleted only when the key is Enabled or Disabled.</source>
        <translation>密钥处于“{state}”状态：只有密钥处于“已启用”或“已禁用”状态时才能删除密钥材料。</translation>
    </message>
</context>
<context>
    <name>import.kcv_differs</name>
    <message>
        <source>The key check value (KCV) of the unwrapped key material is not {kcv}, the one expected. Nothing was imported: the key is still Pending import. Wrap the intended material again with this token&apos;s wrapping key and {algorithm}.</source>
        <translation>解包后的密钥材料的密钥校验值（KCV）不是预期的 {kcv}。未导入任何内容：密钥仍处于“待导入”状态。请用此令牌的包装密钥和 {algorithm} 重新包装您要导入的密钥材料。</translation>
    </message>
</context>
<context>
    <name>import.kms_origin</name>
    <message>
        <source>This key&apos;s material was generated by KMS; material can be imported only into a key created for imported material (origin external).</source>
        <translation>此密钥的密钥材料由 KMS 生成；密钥材料只能导入为导入密钥材料而创建的密钥（来源为外部）。</translation>
    </message>
</context>
<context>
    <name>import.not_base64</name>
    <message>
        <source>The encrypted key material is not valid Base64.</source>
        <translation>加密后的密钥材料不是有效的 Base64。</translation>
    </message>
</context>
<context>
    <name>import.not_pending</name>
    <message>
        <source>The key is {state}: only a key Pending import can receive material.</source>
        <translation>密钥处于“{state}”状态：只有“待导入”的密钥才能接收密钥材料。</translation>
    </message>
</context>
<context>
    <name>import.not_text</name>
    <message>
        <source>The encrypted key material must be Base64 text.</source>
        <translation>加密后的密钥材料必须是 Base64 文本。</translation>
    </message>
</context>
<context>
    <name>import.state</name>
    <message>
        <source>The key is {state}: material can be imported only while it is Pending import. Delete its material first to import again.</source>
        <translation>密钥处于“{state}”状态：只有处于“待导入”状态时才能导入密钥材料。如需再次导入，请先删除其密钥材料。</translation>
    </message>
</context>
<context>
    <name>import.unwrapped_length</name>
    <message>
        <source>The unwrapped key material is {length} bytes; it must be exactly {expected} bytes (256 bits). Check the plaintext, and that it was wrapped with {algorithm}, the algorithm of this token.</source>
        <translation>解包后的密钥材料为 {length} 字节；它必须恰好为 {expected} 字节（256 位）。请检查明文，并确认它是用此令牌的算法 {algorithm} 包装的。</translation>
    </message>
</context>
<context>
    <name>kcv.malformed</name>
    <message>
        <source>The expected key check value (KCV) must be 6 hexadecimal digits, such as CABA0B.</source>
        <translation>预期的密钥校验值（KCV）必须是 6 位十六进制数字，例如 CABA0B。</translation>
    </message>
</context>
<context>
    <name>key.alias_taken</name>
    <message>
        <source>A key with the alias {alias!r} already exists.</source>
        <translation>已存在别名为 {alias!r} 的密钥。</translation>
    </message>
</context>
<context>
    <name>key.disable_state</name>
    <message>
        <source>The key is {state}: only an Enabled key can be disabled.</source>
        <translation>密钥处于“{state}”状态：只有“已启用”的密钥才能禁用。</translation>
    </message>
</context>
<context>
    <name>key.enable_state</name>
    <message>
        <source>The key is {state}: only a Disabled key can be enabled.</source>
        <translation>密钥处于“{state}”状态：只有“已禁用”的密钥才能启用。</translation>
    </message>
</context>
<context>
    <name>key.material_unopenable</name>
    <message>
        <source>The key&apos;s material does not open with this store&apos;s master key. The store or its master key has been replaced or damaged.</source>
        <translation>无法用此密钥库的主密钥打开该密钥的密钥材料。密钥库或其主密钥已被替换或损坏。</translation>
    </message>
</context>
<context>
    <name>key.no_tag</name>
    <message>
        <source>The key has no tag {tag_key!r}.</source>
        <translation>密钥没有标签 {tag_key!r}。</translation>
    </message>
</context>
<context>
    <name>key.not_found</name>
    <message>
        <source>The key {key_id} does not exist.</source>
        <translation>密钥 {key_id} 不存在。</translation>
    </message>
</context>
<context>
    <name>key.pending_import</name>
    <message>
        <source>The key is Pending import: import its key material before using it.</source>
        <translation>密钥处于“待导入”状态：请先导入其密钥材料再使用。</translation>
    </message>
</context>
<context>
    <name>key_id.empty</name>
    <message>
        <source>Enter a key ID.</source>
        <translation>请输入密钥 ID。</translation>
    </message>
</context>
<context>
    <name>key_spec.unsupported</name>
    <message>
        <source>{value!r} is not a key spec Keyferry makes. Use one of {names}.</source>
        <translation>{value!r} 不是 Keyferry 支持创建的密钥规格。请使用以下之一：{names}。</translation>
    </message>
</context>
<context>
    <name>key_usage.spec</name>
    <message>
        <source>{value!r} is not a usage for a {spec} key. Use {names} (the usage is fixed when the key is created).</source>
        <translation>{value!r} 不是 {spec} 密钥的用途。请使用 {names}（密钥用途在创建时确定，之后不能修改）。</translation>
    </message>
</context>
<context>
    <name>keyring.failed</name>
    <message>
        <source>The system keyring failed ({kind}). {help}</source>
        <translation>系统密钥环出错（{kind}）。{help}</translation>
    </message>
</context>
<context>
    <name>local.cipher_not_base64</name>
    <message>
        <source>The ciphertext is not valid Base64.</source>
        <translation>密文不是有效的 Base64。</translation>
    </message>
</context>
<context>
    <name>local.closed</name>
    <message>
        <source>This connection to the local store is closed.</source>
        <translation>与本地密钥库的此连接已关闭。</translation>
    </message>
</context>
<context>
    <name>local.datakey_not_hex</name>
    <message>
        <source>The data key ciphertext is not valid hex.</source>
        <translation>数据密钥密文不是有效的十六进制。</translation>
    </message>
</context>
<context>
    <name>master_key.choice_not_saved</name>
    <message>
        <source>Where the master key is kept could not be remembered in {path}; nothing was moved.</source>
        <translation>无法在 {path} 中记住主密钥的保存位置；没有移动任何内容。</translation>
    </message>
</context>
<context>
    <name>master_key.file_exists</name>
    <message>
        <source>The master-key file {path} already exists.</source>
        <translation>主密钥文件 {path} 已存在。</translation>
    </message>
</context>
<context>
    <name>master_key.file_not_created</name>
    <message>
        <source>Cannot create the master-key file {path}: {reason}.</source>
        <translation>无法创建主密钥文件 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>master_key.file_not_regular</name>
    <message>
        <source>The master-key file {path} is not a regular file.</source>
        <translation>主密钥文件 {path} 不是普通文件。</translation>
    </message>
</context>
<context>
    <name>master_key.file_not_removed</name>
    <message>
        <source>Cannot remove the master-key file {path}: {reason}.</source>
        <translation>无法删除主密钥文件 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>master_key.file_not_written</name>
    <message>
        <source>Cannot write the master-key file {path}: {reason}.</source>
        <translation>无法写入主密钥文件 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>master_key.file_open_to_others</name>
    <message>
        <source>The master-key file {path} can be read by other users (mode {mode:o}). Run: chmod 600 {path}</source>
        <translation>其他用户可以读取主密钥文件 {path}（权限 {mode:o}）。请运行：chmod 600 {path}</translation>
    </message>
</context>
<context>
    <name>master_key.file_other_owner</name>
    <message>
        <source>The master-key file {path} belongs to another user (uid {uid}), so it may not be your key. Use a master-key file of your own.</source>
        <translation>主密钥文件 {path} 属于另一个用户（uid {uid}），因此可能不是您的密钥。请使用您自己的主密钥文件。</translation>
    </message>
</context>
<context>
    <name>master_key.file_too_large</name>
    <message>
        <source>The master-key file {path} is too large to be a Keyferry master key (one is {size} bytes). It was not read.</source>
        <translation>主密钥文件 {path} 太大，不可能是 Keyferry 主密钥（主密钥文件为 {size} 字节）。未读取该文件。</translation>
    </message>
</context>
<context>
    <name>master_key.file_unreadable</name>
    <message>
        <source>Cannot read the master-key file {path}: {reason}.</source>
        <translation>无法读取主密钥文件 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>master_key.in_file</name>
    <message>
        <source>the master-key file {path}</source>
        <translation>主密钥文件 {path} </translation>
    </message>
</context>
<context>
    <name>master_key.in_keyring</name>
    <message>
        <source>the system keyring ({backend})</source>
        <translation>系统密钥环（{backend}）</translation>
    </message>
</context>
<context>
    <name>master_key.keyring_entry</name>
    <message>
        <source>The keyring entry</source>
        <translation>密钥环条目</translation>
    </message>
</context>
<context>
    <name>master_key.keyring_locked</name>
    <message>
        <source>The system keyring is locked. Unlock it (log in to the desktop session, or unlock gnome-keyring) and start Keyferry again.</source>
        <translation>系统密钥环已锁定。请将其解锁（登录桌面会话，或解锁 gnome-keyring），然后重新启动 Keyferry。</translation>
    </message>
</context>
<context>
    <name>master_key.keyring_refused</name>
    <message>
        <source>The system keyring refused access ({kind}: {reason}). Unlock it and try again. {help}</source>
        <translation>系统密钥环拒绝访问（{kind}：{reason}）。请解锁后重试。{help}</translation>
    </message>
</context>
<context>
    <name>master_key.move_not_read_back</name>
    <message>
        <source>The master key written to {target} did not read back the same, so it was removed again; the master key stays in {source}.</source>
        <translation>写入{target}的主密钥读回时不一致，因此已再次删除；主密钥仍保存在{source}中。</translation>
    </message>
</context>
<context>
    <name>master_key.move_old_copy_left</name>
    <message>
        <source>The master key is now in {target}, but its old copy in {source} could not be removed: {reason} Remove it yourself: it opens this store.</source>
        <translation>主密钥现在保存在{target}中，但{source}中的旧副本无法删除：{reason}请自行删除它：它能打开这个密钥库。</translation>
    </message>
</context>
<context>
    <name>master_key.move_source_unusable</name>
    <message>
        <source>The master key in {source} does not open this store, so it was not moved. Nothing was changed.</source>
        <translation>{source}中的主密钥打不开这个密钥库，因此没有移动它。没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>master_key.move_target_other</name>
    <message>
        <source>There is already a different master key for this store in {target}. Nothing was moved.</source>
        <translation>{target}中已有这个密钥库的另一个主密钥。没有移动任何内容。</translation>
    </message>
</context>
<context>
    <name>master_key.no_keyring</name>
    <message>
        <source>No system keyring is available to hold Keyferry&apos;s master key. Either run a Secret Service (for example gnome-keyring, unlocked, with a D-Bus session), or keep the master key in a file you protect: start Keyferry with --master-key-file PATH (or set KEYFERRY_MASTER_KEY_FILE); the file is created with mode 0600 if it does not exist.</source>
        <translation>没有可用于保存 Keyferry 主密钥的系统密钥环。请运行一个 Secret Service（例如在 D-Bus 会话中已解锁的 gnome-keyring），或者将主密钥保存在您自己保护的文件中：用 --master-key-file PATH 启动 Keyferry（或设置 KEYFERRY_MASTER_KEY_FILE）；如果该文件不存在，会以 0600 权限创建它。</translation>
    </message>
</context>
<context>
    <name>master_key.no_keyring_existing_store</name>
    <message>
        <source>No system keyring is available, and the store in {folder} already has a master key, kept in a keyring or in a file. If it is in a file, name it, as in &apos;{command}&apos;. Otherwise run the Secret Service the store was made with (for example gnome-keyring, unlocked, with a D-Bus session).</source>
        <translation>没有可用的系统密钥环，而 {folder} 中的密钥库已有主密钥，保存在某个密钥环或文件中。如果它在文件中，请指明该文件，例如“{command}”。否则请运行创建该密钥库时使用的 Secret Service（例如在 D-Bus 会话中已解锁的 gnome-keyring）。</translation>
    </message>
</context>
<context>
    <name>master_key.no_keyring_new_store</name>
    <message>
        <source>No system keyring is available to hold Keyferry&apos;s master key. Keep it in a file instead: run &apos;{init}&apos; to create the store with its master key in that file (0600), then give the same --master-key-file (or set KEYFERRY_MASTER_KEY_FILE) to every command, as in &apos;{command}&apos;. Or run a Secret Service (for example gnome-keyring, unlocked, with a D-Bus session).</source>
        <translation>没有可用于保存 Keyferry 主密钥的系统密钥环。请改为将它保存在文件中：运行“{init}”创建密钥库，其主密钥保存在该文件中（0600），然后在每条命令中给出相同的 --master-key-file（或设置 KEYFERRY_MASTER_KEY_FILE），例如“{command}”。或者运行一个 Secret Service（例如在 D-Bus 会话中已解锁的 gnome-keyring）。</translation>
    </message>
</context>
<context>
    <name>master_key.no_keyring_window</name>
    <message>
        <source>No system keyring is available to hold Keyferry&apos;s master key. Keep it in a file instead (the button below), or start a Secret Service (for example gnome-keyring, unlocked, with a D-Bus session) and try again.</source>
        <translation>没有可用于保存 Keyferry 主密钥的系统密钥环。请改为将它保存在文件中（下方的按钮），或者启动一个 Secret Service（例如在 D-Bus 会话中已解锁的 gnome-keyring）后重试。</translation>
    </message>
</context>
<context>
    <name>master_key.not_a_key</name>
    <message>
        <source>{where} does not hold a Keyferry master key.</source>
        <translation>{where} 中没有 Keyferry 主密钥。</translation>
    </message>
</context>
<context>
    <name>master_key.the_file</name>
    <message>
        <source>The master-key file {path}</source>
        <translation>主密钥文件 {path}</translation>
    </message>
</context>
<context>
    <name>master_key.wrong_length</name>
    <message>
        <source>{where} does not hold a Keyferry master key (wrong length).</source>
        <translation>{where} 中没有 Keyferry 主密钥（长度不对）。</translation>
    </message>
</context>
<context>
    <name>material.length</name>
    <message>
        <source>Key material must be exactly {expected} bytes, not {length}.</source>
        <translation>密钥材料必须恰好为 {expected} 字节，而不是 {length} 字节。</translation>
    </message>
</context>
<context>
    <name>material.wrong_size</name>
    <message>
        <source>{path} holds {content}; key material must be exactly {expected} raw bytes (256 bits).</source>
        <translation>{path} 包含{content}；密钥材料必须恰好是 {expected} 字节（256 位）的原始数据。</translation>
    </message>
</context>
<context>
    <name>material.wrong_size_base64</name>
    <message>
        <source>{path} holds {content}; key material must be exactly {expected} raw bytes (256 bits). Convert it to raw bytes first, for example: base64 -d IN &gt; OUT.</source>
        <translation>{path} 包含{content}；密钥材料必须恰好是 {expected} 字节（256 位）的原始数据。请先将其转换为原始字节，例如：base64 -d IN &gt; OUT。</translation>
    </message>
</context>
<context>
    <name>material.wrong_size_hex</name>
    <message>
        <source>{path} holds {content}; key material must be exactly {expected} raw bytes (256 bits). Convert it to raw bytes first, for example: xxd -r -p IN &gt; OUT.</source>
        <translation>{path} 包含{content}；密钥材料必须恰好是 {expected} 字节（256 位）的原始数据。请先将其转换为原始字节，例如：xxd -r -p IN &gt; OUT。</translation>
    </message>
</context>
<context>
    <name>net.endpoint</name>
    <message>
        <source>{problem} Endpoint: {endpoint}.</source>
        <translation>{problem} 终端节点：{endpoint}。</translation>
    </message>
</context>
<context>
    <name>net.endpoint_detail</name>
    <message>
        <source>{problem} Endpoint: {endpoint}. ({detail})</source>
        <translation>{problem} 终端节点：{endpoint}。（{detail}）</translation>
    </message>
</context>
<context>
    <name>outcome.alias_existed</name>
    <message>
        <source>A key with the alias {alias} already existed (ID {existing_id}), so no key was created. Choose another alias.</source>
        <translation>别名为 {alias} 的密钥此前已存在（ID {existing_id}），因此没有创建密钥。请换一个别名。</translation>
    </message>
</context>
<context>
    <name>outcome.create_not_made</name>
    <message>
        <source>The answer to create-key was lost ({cause}); no key has the alias {alias}, so it was not created. You can try again.</source>
        <translation>create-key 的应答丢失（{cause}）；没有别名为 {alias} 的密钥，因此密钥未创建。可以重试。</translation>
    </message>
</context>
<context>
    <name>outcome.create_unknown</name>
    <message>
        <source>The answer to create-key was lost ({cause}), and the keys could not be listed afterwards ({unreadable}). Whether the key {alias} was created is unknown. Check before you create it again: {check} (look for the alias {alias}).</source>
        <translation>create-key 的应答丢失（{cause}），之后也无法列出密钥（{unreadable}）。密钥 {alias} 是否已创建尚不可知。再次创建前请先检查：{check}（查找别名 {alias}）。</translation>
    </message>
</context>
<context>
    <name>outcome.not_made</name>
    <message>
        <source>The answer to {what} was lost ({cause}); the key, read afterwards, shows the change was not made ({state}). Nothing changed: you can try again.</source>
        <translation>{what} 的应答丢失（{cause}）；之后读取的密钥显示更改未生效（{state}）。没有任何改变：可以重试。</translation>
    </message>
</context>
<context>
    <name>outcome.not_read_back</name>
    <message>
        <source>The change was made, but reading the key back failed ({cause}). Reload to see it as it is now.</source>
        <translation>更改已完成，但之后读取该密钥失败（{cause}）。请重新加载以查看其当前状态。</translation>
    </message>
</context>
<context>
    <name>outcome.tags_not_set</name>
    <message>
        <source>The key {alias} was created (ID {created_id}), but its tags were not set ({cause}). Add them with Edit tags, or: {check}</source>
        <translation>密钥 {alias} 已创建（ID {created_id}），但其标签未设置（{cause}）。请用“编辑标签”添加，或运行：{check}</translation>
    </message>
</context>
<context>
    <name>outcome.unknown</name>
    <message>
        <source>The answer to {what} was lost ({cause}), and the key could not be read afterwards ({unreadable}). Whether the change was made is unknown. Check the key before you try again: {check}</source>
        <translation>{what} 的应答丢失（{cause}），之后也无法读取该密钥（{unreadable}）。更改是否已生效尚不可知。重试前请先检查该密钥：{check}</translation>
    </message>
</context>
<context>
    <name>param.key_state</name>
    <message>
        <source>{value!r} is not a key state (1 to 5).</source>
        <translation>{value!r} 不是密钥状态（1 到 5）。</translation>
    </message>
</context>
<context>
    <name>param.not_valid</name>
    <message>
        <source>{value!r} is not a valid {name}.</source>
        <translation>{value!r} 不是有效的 {name}。</translation>
    </message>
</context>
<context>
    <name>private_key.bad_passphrase</name>
    <message>
        <source>The passphrase does not decrypt {path}.</source>
        <translation>该口令无法解密 {path}。</translation>
    </message>
</context>
<context>
    <name>private_key.is_public</name>
    <message>
        <source>{path} holds a public key; choose the private key.</source>
        <translation>{path} 包含的是公钥；请选择私钥。</translation>
    </message>
</context>
<context>
    <name>private_key.not_a_key</name>
    <message>
        <source>{path} is not a private key in PEM, DER (PKCS#8, PKCS#1 or SEC1) form: it looks like {content}.</source>
        <translation>{path} 不是 PEM 或 DER（PKCS#8、PKCS#1 或 SEC1）格式的私钥：它看起来像{content}。</translation>
    </message>
</context>
<context>
    <name>private_key.passphrase</name>
    <message>
        <source>{path} is an encrypted private key: give its passphrase.</source>
        <translation>{path} 是加密的私钥：请提供其口令。</translation>
    </message>
</context>
<context>
    <name>private_key.spec_none</name>
    <message>
        <source>A {spec} key imports 32 bytes of key material, not a private key.</source>
        <translation>{spec} 密钥导入 32 字节的密钥材料，而不是私钥。</translation>
    </message>
</context>
<context>
    <name>profile.endpoint_problem</name>
    <message>
        <source>The profile {name!r}: {problem}</source>
        <translation>连接配置 {name!r}：{problem}</translation>
    </message>
</context>
<context>
    <name>profile.file_not_written</name>
    <message>
        <source>The profiles file {path} could not be written: {reason}. Nothing was saved.</source>
        <translation>无法写入连接配置文件 {path}：{reason}。未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>profile.file_unreadable</name>
    <message>
        <source>The profiles file {path} cannot be read ({reason}). Fix or delete it.</source>
        <translation>无法读取配置文件 {path}（{reason}）。请修复或删除它。</translation>
    </message>
</context>
<context>
    <name>profile.name</name>
    <message>
        <source>Enter a profile name of 1 to 64 characters.</source>
        <translation>请输入 1 到 64 个字符的配置名称。</translation>
    </message>
</context>
<context>
    <name>profile.none_yet</name>
    <message>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
</context>
<context>
    <name>profile.unknown</name>
    <message>
        <source>There is no connection profile {name!r} (saved: {known}). Save one with &apos;keyferry profile save&apos; or the connection dialog.</source>
        <translation>没有名为 {name!r} 的连接配置（已保存：{known}）。请用 keyferry profile save 或连接对话框保存一个。</translation>
    </message>
</context>
<context>
    <name>project.characters</name>
    <message>
        <source>Enter the project ID: letters, digits, &apos;_&apos; and &apos;-&apos; (at most 64).</source>
        <translation>请输入项目 ID：字母、数字、“_”和“-”（最多 64 个）。</translation>
    </message>
</context>
<context>
    <name>project.invalid</name>
    <message>
        <source>The project ID is not valid.</source>
        <translation>项目 ID 无效。</translation>
    </message>
</context>
<context>
    <name>proxy.form</name>
    <message>
        <source>Enter the HTTPS proxy as http://host:port.</source>
        <translation>请按 http://主机:端口 的格式输入 HTTPS 代理。</translation>
    </message>
</context>
<context>
    <name>proxy.password</name>
    <message>
        <source>Do not put a password in the proxy address: a proxy that needs one is set in the HTTPS_PROXY environment variable instead.</source>
        <translation>不要在代理地址中填写密码：需要密码的代理请改用 HTTPS_PROXY 环境变量设置。</translation>
    </message>
</context>
<context>
    <name>proxy.port</name>
    <message>
        <source>The proxy&apos;s port is not a number from 0 to 65535.</source>
        <translation>代理的端口不是 0 到 65535 之间的数字。</translation>
    </message>
</context>
<context>
    <name>record.holds_material</name>
    <message>
        <source>{problem} The key holds material with KCV {kcv}, imported on {when} (Keyferry&apos;s import record).</source>
        <translation>{problem}该密钥中的材料 KCV 为 {kcv}，导入于 {when}（据 Keyferry 的导入记录）。</translation>
    </message>
</context>
<context>
    <name>record.not_written</name>
    <message>
        <source>The import record {path} cannot be written ({reason}). Keyferry records every import as proof of which material went into which key, and imports nothing without it: free some space or fix the folder&apos;s permissions, or set KEYFERRY_CONFIG_DIR to a writable folder.</source>
        <translation>无法写入导入记录 {path}（{reason}）。Keyferry 记录每一次导入，作为哪份材料导入了哪个密钥的凭据，没有记录就不导入：请释放磁盘空间或修正文件夹权限，或将 KEYFERRY_CONFIG_DIR 设为可写的文件夹。</translation>
    </message>
</context>
<context>
    <name>record.unreadable</name>
    <message>
        <source>The import record {path} cannot be read ({reason}).</source>
        <translation>无法读取导入记录 {path}（{reason}）。</translation>
    </message>
</context>
<context>
    <name>remote.answer_unusable</name>
    <message>
        <source>The KMS&apos;s answer could not be used: {field} is missing or malformed. Is the endpoint a Huawei-compatible KMS?</source>
        <translation>无法使用 KMS 的响应：{field} 缺失或格式错误。该终端节点是与华为云兼容的 KMS 吗？</translation>
    </message>
</context>
<context>
    <name>remote.credentials_missing</name>
    <message>
        <source>The endpoint, project ID, access key ID and secret key are all needed to connect to a remote KMS.</source>
        <translation>连接远程 KMS 需要终端节点、项目 ID、访问密钥 ID 和秘密访问密钥。</translation>
    </message>
</context>
<context>
    <name>remote.http_status</name>
    <message>
        <source>The KMS answered HTTP {status}.</source>
        <translation>KMS 返回了 HTTP {status}。</translation>
    </message>
</context>
<context>
    <name>remote.not_utf8</name>
    <message>
        <source>{what} must be UTF-8 text for this KMS&apos;s API.</source>
        <translation>{what}必须是 UTF-8 文本，这是此 KMS 的 API 的要求。</translation>
    </message>
</context>
<context>
    <name>remote.request_id</name>
    <message>
        <source>{problem} (request ID {request_id})</source>
        <translation>{problem}（请求 ID {request_id}）</translation>
    </message>
</context>
<context>
    <name>remote.retry_after</name>
    <message>
        <source>{problem} The KMS asks to wait {seconds} s before trying again.</source>
        <translation>{problem}KMS 要求等待 {seconds} 秒后再重试。</translation>
    </message>
</context>
<context>
    <name>remote.the_aad</name>
    <message>
        <source>The additional authenticated data</source>
        <translation>附加认证数据</translation>
    </message>
</context>
<context>
    <name>remote.the_plaintext</name>
    <message>
        <source>The plaintext</source>
        <translation>明文</translation>
    </message>
</context>
<context>
    <name>remote.web_page</name>
    <message>
        <source>The KMS, or a gateway or proxy in front of it, answered HTTP {status} with a web page instead of an API answer.</source>
        <translation>KMS（或其前面的网关、代理）以网页而非 API 应答回复了 HTTP {status}。</translation>
    </message>
</context>
<context>
    <name>remote.words</name>
    <message>
        <source>{words}</source>
        <translation>{words}</translation>
    </message>
</context>
<context>
    <name>secret_key.keyring_failed</name>
    <message>
        <source>The system keyring failed ({kind}). Try again, or give the secret key for this run in KEYFERRY_SECRET_KEY.</source>
        <translation>系统密钥环出错（{kind}）。请重试，或者在 KEYFERRY_SECRET_KEY 中提供本次运行使用的秘密访问密钥。</translation>
    </message>
</context>
<context>
    <name>secret_key.keyring_locked</name>
    <message>
        <source>The system keyring is locked. Unlock it and try again.</source>
        <translation>系统密钥环已锁定。请解锁后重试。</translation>
    </message>
</context>
<context>
    <name>secret_key.no_keyring</name>
    <message>
        <source>No system keyring is available to keep the secret key. Run a Secret Service (for example gnome-keyring, unlocked), or give the secret key for this run in KEYFERRY_SECRET_KEY.</source>
        <translation>没有可用于保存秘密访问密钥的系统密钥环。请运行一个 Secret Service（例如已解锁的 gnome-keyring），或者在 KEYFERRY_SECRET_KEY 中提供本次运行使用的秘密访问密钥。</translation>
    </message>
</context>
<context>
    <name>secret_key.none_typed</name>
    <message>
        <source>Enter the secret key of this access key.</source>
        <translation>请输入此访问密钥的秘密访问密钥（SK）。</translation>
    </message>
</context>
<context>
    <name>server.access_key_characters</name>
    <message>
        <source>The access key ID may hold only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 128).</source>
        <translation>访问密钥 ID 只能包含字母、数字、“.”、“_”和“-”（最多 128 个）。</translation>
    </message>
</context>
<context>
    <name>server.body_cut_short</name>
    <message>
        <source>The request body was cut short.</source>
        <translation>请求体不完整：客户端中途断开。</translation>
    </message>
</context>
<context>
    <name>server.body_late</name>
    <message>
        <source>The request body did not arrive within {seconds} seconds.</source>
        <translation>请求体未在 {seconds} 秒内到达。</translation>
    </message>
</context>
<context>
    <name>server.body_malformed</name>
    <message>
        <source>The request body is malformed (its chunks or length).</source>
        <translation>请求体格式错误（分块或长度不对）。</translation>
    </message>
</context>
<context>
    <name>server.cannot_listen</name>
    <message>
        <source>Cannot listen on {host} port {port}: {reason}; check --host and --port.</source>
        <translation>无法在 {host} 的端口 {port} 上监听：{reason}；请检查 --host 和 --port。</translation>
    </message>
</context>
<context>
    <name>server.cipher_text</name>
    <message>
        <source>cipher_text must be the Base64 that encrypt-data returned.</source>
        <translation>cipher_text 必须是 encrypt-data 返回的 Base64。</translation>
    </message>
</context>
<context>
    <name>server.compressed</name>
    <message>
        <source>The request body must not be compressed (Content-Encoding is not supported).</source>
        <translation>请求体不得压缩（不支持 Content-Encoding）。</translation>
    </message>
</context>
<context>
    <name>server.datakey_aad</name>
    <message>
        <source>additional_authenticated_data is not supported for data keys here; leave it out.</source>
        <translation>此处的数据密钥不支持 additional_authenticated_data；请省略它。</translation>
    </message>
</context>
<context>
    <name>server.detail</name>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
</context>
<context>
    <name>server.keyring_locked</name>
    <message>
        <source>The system keyring is locked. Unlock it and start again, or set {access_env} and {secret_env}.</source>
        <translation>系统密钥环已锁定。请解锁后重新启动，或者设置 {access_env} 和 {secret_env}。</translation>
    </message>
</context>
<context>
    <name>server.missing</name>
    <message>
        <source>The parameter {name} is missing.</source>
        <translation>缺少参数 {name}。</translation>
    </message>
</context>
<context>
    <name>server.name_not_unicode</name>
    <message>
        <source>A parameter name is not valid Unicode text.</source>
        <translation>有参数名不是有效的 Unicode 文本。</translation>
    </message>
</context>
<context>
    <name>server.no_access_key</name>
    <message>
        <source>The server has no access key yet: &apos;keyferry serve&apos; or &apos;keyferry server-credentials&apos; makes one.</source>
        <translation>服务器还没有访问密钥：keyferry serve 或 keyferry server-credentials 会生成一个。</translation>
    </message>
</context>
<context>
    <name>server.no_api</name>
    <message>
        <source>The API does not exist: check the method and the path (/v1.0/{{project_id}}/kms/...).</source>
        <translation>该 API 不存在：请检查方法和路径（/v1.0/{{project_id}}/kms/...）。</translation>
    </message>
</context>
<context>
    <name>server.no_keyring</name>
    <message>
        <source>No system keyring is available to keep the server&apos;s access key. Set {access_env} and {secret_env} (a secret of at least {length} characters), or run a Secret Service (for example gnome-keyring, unlocked, with a D-Bus session).</source>
        <translation>没有可用于保存服务器访问密钥的系统密钥环。请设置 {access_env} 和 {secret_env}（秘密访问密钥至少 {length} 个字符），或者运行一个 Secret Service（例如在 D-Bus 会话中已解锁的 gnome-keyring）。</translation>
    </message>
</context>
<context>
    <name>server.not_a_list</name>
    <message>
        <source>The parameter {name} must be a list of objects.</source>
        <translation>参数 {name} 必须是对象列表。</translation>
    </message>
</context>
<context>
    <name>server.not_a_string</name>
    <message>
        <source>The parameter {name} must be a string.</source>
        <translation>参数 {name} 必须是字符串。</translation>
    </message>
</context>
<context>
    <name>server.not_a_time</name>
    <message>
        <source>{name} must be a time in seconds between 1970 and the year 9999.</source>
        <translation>{name} 必须是 1970 年到 9999 年之间以秒为单位的时间。</translation>
    </message>
</context>
<context>
    <name>server.not_an_object</name>
    <message>
        <source>The parameter {name} must be an object.</source>
        <translation>参数 {name} 必须是对象。</translation>
    </message>
</context>
<context>
    <name>server.not_hex</name>
    <message>
        <source>{name} must be hex.</source>
        <translation>{name} 必须是十六进制。</translation>
    </message>
</context>
<context>
    <name>server.not_object</name>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>请求体必须是 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>server.not_unicode</name>
    <message>
        <source>The parameter {name} holds text that is not valid Unicode (a lone surrogate such as \ud800).</source>
        <translation>参数 {name} 含有无效的 Unicode 文本（如 \ud800 这样的单独代理项）。</translation>
    </message>
</context>
<context>
    <name>server.not_valid</name>
    <message>
        <source>The request is not valid.</source>
        <translation>请求无效。</translation>
    </message>
</context>
<context>
    <name>server.not_whole</name>
    <message>
        <source>The parameter {name} must be a whole number.</source>
        <translation>参数 {name} 必须是整数。</translation>
    </message>
</context>
<context>
    <name>server.other_key</name>
    <message>
        <source>This ciphertext was encrypted under another key.</source>
        <translation>此密文是用另一个密钥加密的。</translation>
    </message>
</context>
<context>
    <name>server.out_of_range</name>
    <message>
        <source>The parameter {name} is out of range.</source>
        <translation>参数 {name} 超出范围。</translation>
    </message>
</context>
<context>
    <name>server.pair_from_environment</name>
    <message>
        <source>Set both {access_env} and {secret_env}, or neither (then the keyring keeps a generated pair).</source>
        <translation>请同时设置 {access_env} 和 {secret_env}，或者都不设置（此时由密钥环保存生成的一对密钥）。</translation>
    </message>
</context>
<context>
    <name>server.port_in_use</name>
    <message>
        <source>Cannot listen on {host} port {port}: {reason}; another program listens there; choose another --port (0: any free port).</source>
        <translation>无法在 {host} 的端口 {port} 上监听：{reason}；已有其他程序在此监听，请换一个 --port（0 表示任一空闲端口）。</translation>
    </message>
</context>
<context>
    <name>server.secret_key_length</name>
    <message>
        <source>The secret key must have at least {length} characters and no surrounding spaces.</source>
        <translation>秘密访问密钥必须至少有 {length} 个字符，且首尾不能有空格。</translation>
    </message>
</context>
<context>
    <name>server.sequence</name>
    <message>
        <source>sequence must be a string of at most {limit} characters.</source>
        <translation>sequence 必须是最多 {limit} 个字符的字符串。</translation>
    </message>
</context>
<context>
    <name>server.too_large</name>
    <message>
        <source>The request body is larger than {limit} KiB.</source>
        <translation>请求体大于 {limit} KiB。</translation>
    </message>
</context>
<context>
    <name>server.unknown_host</name>
    <message>
        <source>Cannot listen on {host}: {reason}. Check --host.</source>
        <translation>无法在 {host} 上监听：{reason}。请检查 --host。</translation>
    </message>
</context>
<context>
    <name>settings.no_access_key</name>
    <message>
        <source>--endpoint needs an access key ID: --access-key-id or ${env}.</source>
        <translation>--endpoint 需要访问密钥 ID：--access-key-id 或 ${env}。</translation>
    </message>
</context>
<context>
    <name>settings.no_project</name>
    <message>
        <source>--endpoint needs --project-id: the project of your keys on that KMS.</source>
        <translation>--endpoint 需要 --project-id：您的密钥在该 KMS 上所属的项目。</translation>
    </message>
</context>
<context>
    <name>settings.no_secret_key</name>
    <message>
        <source>No secret key for the access key {access_key_id}: set ${env}, or save it in the keyring with &apos;keyferry profile save&apos; or the connection dialog.</source>
        <translation>访问密钥 {access_key_id} 没有秘密访问密钥：请设置 ${env}，或者用 keyferry profile save 或连接对话框将其保存到密钥环中。</translation>
    </message>
</context>
<context>
    <name>settings.problems</name>
    <message>
        <source>{problems}</source>
        <translation>{problems}</translation>
    </message>
</context>
<context>
    <name>settings.profile_mix</name>
    <message>
        <source>The profile {profile!r} works with {flag} {saved}; {flag} {given} names another. Save a profile for it (&apos;keyferry profile save&apos;), or give --endpoint with {flag} instead of --profile.</source>
        <translation>配置文件 {profile!r} 使用 {flag} {saved}；{flag} {given} 指的是另一个。请为它保存一个配置文件（&apos;keyferry profile save&apos;），或不用 --profile，改用 --endpoint 加 {flag}。</translation>
    </message>
</context>
<context>
    <name>settings.profile_or_endpoint</name>
    <message>
        <source>Give either --profile or --endpoint, not both.</source>
        <translation>请指定 --profile 或 --endpoint 之一，不要同时指定。</translation>
    </message>
</context>
<context>
    <name>sign.algorithm_spec</name>
    <message>
        <source>{algorithm} does not sign with a {spec} key. Use one of {names}.</source>
        <translation>{algorithm} 不能用 {spec} 密钥签名。请使用以下之一：{names}。</translation>
    </message>
</context>
<context>
    <name>sign.algorithm_unknown</name>
    <message>
        <source>{value!r} is not a signing algorithm. Use one of {names}.</source>
        <translation>{value!r} 不是签名算法。请使用以下之一：{names}。</translation>
    </message>
</context>
<context>
    <name>sign.digest_length</name>
    <message>
        <source>The digest is {length} bytes; {algorithm} takes a {expected}-byte digest. Send the digest itself, or the message with message_type RAW.</source>
        <translation>摘要为 {length} 字节；{algorithm} 需要 {expected} 字节的摘要。请发送摘要本身，或以 message_type RAW 发送消息。</translation>
    </message>
</context>
<context>
    <name>sign.message_size</name>
    <message>
        <source>The message is {length} bytes; it must be 1 to {limit} bytes.</source>
        <translation>消息为 {length} 字节；它必须为 1 到 {limit} 字节。</translation>
    </message>
</context>
<context>
    <name>sign.message_type</name>
    <message>
        <source>{value!r} is not a message type: use DIGEST or RAW.</source>
        <translation>{value!r} 不是消息类型：请使用 DIGEST 或 RAW。</translation>
    </message>
</context>
<context>
    <name>sign.not_base64</name>
    <message>
        <source>The {field} is not valid Base64.</source>
        <translation>{field} 不是有效的 Base64。</translation>
    </message>
</context>
<context>
    <name>sign.signature_empty</name>
    <message>
        <source>The signature is empty.</source>
        <translation>签名为空。</translation>
    </message>
</context>
<context>
    <name>sign.usage_encrypt</name>
    <message>
        <source>This {spec} key is for {usage}: it cannot encrypt or decrypt.</source>
        <translation>此 {spec} 密钥的用途是 {usage}：不能加密或解密。</translation>
    </message>
</context>
<context>
    <name>sign.usage_sign</name>
    <message>
        <source>This {spec} key is for {usage}: it cannot sign or verify.</source>
        <translation>此 {spec} 密钥的用途是 {usage}：不能签名或验签。</translation>
    </message>
</context>
<context>
    <name>store.busy</name>
    <message>
        <source>The key store stayed busy with another program for too long. Nothing was changed; try again.</source>
        <translation>密钥库被另一个程序占用的时间过长。未做任何更改；请重试。</translation>
    </message>
</context>
<context>
    <name>store.check_failed</name>
    <message>
        <source>The key store is damaged: {count} problem(s) found. Restore a backup (&apos;keyferry restore&apos;) into an empty folder.</source>
        <translation>密钥库已损坏：发现 {count} 个问题。请将备份恢复到一个空文件夹中（keyferry restore）。</translation>
    </message>
</context>
<context>
    <name>store.damaged</name>
    <message>
        <source>The key store is damaged or is not a Keyferry store. Nothing was changed; &apos;keyferry check&apos; says what is damaged. Restore a backup (&apos;keyferry restore&apos;) into an empty folder.</source>
        <translation>密钥库已损坏，或不是 Keyferry 密钥库。未做任何更改；keyferry check 可列出损坏之处。请将备份恢复到一个空文件夹中（keyferry restore）。</translation>
    </message>
</context>
<context>
    <name>store.disk_full</name>
    <message>
        <source>The disk holding the key store is full. Nothing was changed; free some space and try again.</source>
        <translation>存放密钥库的磁盘已满。未做任何更改；请释放一些空间后重试。</translation>
    </message>
</context>
<context>
    <name>store.exists_already</name>
    <message>
        <source>{folder} holds a key store already; nothing was changed. &apos;keyferry init&apos; creates a new one (choose another --data-dir).</source>
        <translation>{folder} 中已有密钥库；没有做任何更改。“keyferry init”用于创建新的密钥库（请选择另一个 --data-dir）。</translation>
    </message>
</context>
<context>
    <name>store.file_empty</name>
    <message>
        <source>The key store is damaged: {path} is empty (0 bytes), so its keys are gone or it was never written. Restore a backup (&apos;keyferry restore&apos;) into an empty folder; if this store never held keys, delete the empty file.</source>
        <translation>密钥库已损坏：{path} 为空（0 字节），其中的密钥已丢失，或它从未写入过。请将备份恢复到一个空文件夹中（keyferry restore）；如果此密钥库从未存放过密钥，请删除这个空文件。</translation>
    </message>
</context>
<context>
    <name>store.file_link</name>
    <message>
        <source>The key store {path} is a symbolic link. Keyferry opens only a regular file as its store: move the store itself into the folder.</source>
        <translation>密钥库 {path} 是符号链接。Keyferry 只把普通文件作为密钥库打开：请把密钥库文件本身移到该文件夹中。</translation>
    </message>
</context>
<context>
    <name>store.file_not_created</name>
    <message>
        <source>The key store {path} cannot be created: {reason}.</source>
        <translation>无法创建密钥库 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>store.file_not_regular</name>
    <message>
        <source>The key store {path} is not a regular file.</source>
        <translation>密钥库 {path} 不是普通文件。</translation>
    </message>
</context>
<context>
    <name>store.file_not_sqlite</name>
    <message>
        <source>The key store is damaged or is not a Keyferry store: {path} is not a SQLite database. Nothing was changed; restore a backup (&apos;keyferry restore&apos;) into an empty folder.</source>
        <translation>密钥库已损坏，或不是 Keyferry 密钥库：{path} 不是 SQLite 数据库。未做任何更改；请将备份恢复到一个空文件夹中（keyferry restore）。</translation>
    </message>
</context>
<context>
    <name>store.file_unreadable</name>
    <message>
        <source>The key store {path} cannot be read: {reason}.</source>
        <translation>无法读取密钥库 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>store.folder_leftovers</name>
    <message>
        <source>{folder} holds what is left of a key store ({name}) but not the store file {store}: it was moved or deleted. Put it back, or restore a backup (&apos;keyferry restore&apos;) into an empty folder.</source>
        <translation>{folder} 中留有密钥库的残余（{name}），却没有密钥库文件 {store}：它已被移走或删除。请把它放回原处，或将备份恢复到一个空文件夹中（keyferry restore）。</translation>
    </message>
</context>
<context>
    <name>store.folder_not_created</name>
    <message>
        <source>The folder {folder} for the key store cannot be created: {reason}.</source>
        <translation>无法为密钥库创建文件夹 {folder}：{reason}。</translation>
    </message>
</context>
<context>
    <name>store.folder_not_empty</name>
    <message>
        <source>{folder} is not a Keyferry store and is not empty. Give --data-dir an existing store, an empty folder or a new name; Keyferry will not mix its store into another folder&apos;s files.</source>
        <translation>{folder} 不是 Keyferry 密钥库，且不为空。请为 --data-dir 指定已有的密钥库、空文件夹或新名称；Keyferry 不会把密钥库混入其他文件夹的文件中。</translation>
    </message>
</context>
<context>
    <name>store.folder_not_folder</name>
    <message>
        <source>{folder} is not a folder. Give --data-dir a folder: an existing store, an empty folder, or a new name.</source>
        <translation>{folder} 不是文件夹。请为 --data-dir 指定一个文件夹：已有的密钥库、空文件夹或新名称。</translation>
    </message>
</context>
<context>
    <name>store.folder_open_to_others</name>
    <message>
        <source>Other users can write in the key store&apos;s folder {folder} (mode {mode:o}), so they could replace the store. Keyferry does not change a folder it did not create: if it is yours, run chmod 700 {folder}, or choose another folder.</source>
        <translation>其他用户可以在密钥库文件夹 {folder} 中写入（权限 {mode:o}），因此他们可以替换密钥库。Keyferry 不会更改并非由它创建的文件夹：如果它属于您，请运行 chmod 700 {folder}，或选择其他文件夹。</translation>
    </message>
</context>
<context>
    <name>store.folder_other_owner</name>
    <message>
        <source>The key store&apos;s folder {folder} belongs to another user (uid {uid}), who could replace the store. Use a folder of your own.</source>
        <translation>密钥库文件夹 {folder} 属于另一个用户（uid {uid}），该用户可以替换密钥库。请使用您自己的文件夹。</translation>
    </message>
</context>
<context>
    <name>store.folder_unreadable</name>
    <message>
        <source>The key store&apos;s folder {folder} cannot be read: {reason}.</source>
        <translation>无法读取密钥库文件夹 {folder}：{reason}。</translation>
    </message>
</context>
<context>
    <name>store.io</name>
    <message>
        <source>The key store could not be written (the disk may be full or failing). Nothing was changed; free some space and try again.</source>
        <translation>无法写入密钥库（磁盘可能已满或出现故障）。未做任何更改；请释放一些空间后重试。</translation>
    </message>
</context>
<context>
    <name>store.master_key_missing</name>
    <message>
        <source>The master key of the store in {folder} is not in {source}. Without it the keys in this store cannot be used. Restore the keyring (or the master-key file) you used with this store, or start Keyferry with --master-key-file pointing at it. Keyferry will not create a new master key for a store that already has one.</source>
        <translation>{folder} 中密钥库的主密钥不在{source}中。没有它，此密钥库中的密钥都无法使用。请恢复您在此密钥库上使用过的密钥环（或主密钥文件），或者用指向它的 --master-key-file 启动 Keyferry。对于已有主密钥的密钥库，Keyferry 不会创建新的主密钥。</translation>
    </message>
</context>
<context>
    <name>store.master_key_other</name>
    <message>
        <source>The master key in {source} does not belong to the store in {folder}. Use the master key this store was created with.</source>
        <translation>{source}中的主密钥不属于 {folder} 中的密钥库。请使用创建此密钥库时所用的主密钥。</translation>
    </message>
</context>
<context>
    <name>store.newer</name>
    <message>
        <source>The key store was written by a newer Keyferry (schema {version}). Upgrade Keyferry to open it.</source>
        <translation>密钥库是由较新版本的 Keyferry 写入的（架构 {version}）。请升级 Keyferry 后再打开它。</translation>
    </message>
</context>
<context>
    <name>store.none</name>
    <message>
        <source>There is no key store in {folder}.</source>
        <translation>{folder} 中没有密钥库。</translation>
    </message>
</context>
<context>
    <name>store.not_keyferry</name>
    <message>
        <source>{path} is a SQLite database but not a Keyferry store. Nothing was changed; give --data-dir the folder of a Keyferry store, or a new one.</source>
        <translation>{path} 是 SQLite 数据库，但不是 Keyferry 密钥库。未做任何更改；请为 --data-dir 指定 Keyferry 密钥库所在的文件夹，或一个新文件夹。</translation>
    </message>
</context>
<context>
    <name>store.not_written</name>
    <message>
        <source>The store could not be written: {reason}.</source>
        <translation>无法写入密钥库：{reason}。</translation>
    </message>
</context>
<context>
    <name>store.read_only</name>
    <message>
        <source>The key store is read-only. Nothing was changed.</source>
        <translation>密钥库是只读的。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>tag.key_characters</name>
    <message>
        <source>A tag key cannot contain control characters or any of * &lt; &gt; \ =.</source>
        <translation>标签键不能包含控制字符，也不能包含 * &lt; &gt; \ = 中的任何一个。</translation>
    </message>
</context>
<context>
    <name>tag.key_twice</name>
    <message>
        <source>The tag key {tag_key!r} appears twice: a key takes one value.</source>
        <translation>标签键 {tag_key!r} 出现了两次：一个标签键只能有一个值。</translation>
    </message>
</context>
<context>
    <name>tag.not_text</name>
    <message>
        <source>A tag key and value must be text.</source>
        <translation>标签键和标签值必须是文本。</translation>
    </message>
</context>
<context>
    <name>tag.value_characters</name>
    <message>
        <source>A tag value cannot contain control characters or any of * &lt; &gt; \ =.</source>
        <translation>标签值不能包含控制字符，也不能包含 * &lt; &gt; \ = 中的任何一个。</translation>
    </message>
</context>
<context>
    <name>token.not_a_token</name>
    <message>
        <source>{path} is not an import token: it holds {content}. Choose the importToken_... file downloaded for this key.</source>
        <translation>{path} 不是导入令牌：它包含{content}。请选择为此密钥下载的 importToken_... 文件。</translation>
    </message>
</context>
<context>
    <name>what.cipher_text_file</name>
    <message>
        <source>a cipher_text file</source>
        <translation>cipher_text 文件</translation>
    </message>
</context>
<context>
    <name>what.data_to_encrypt</name>
    <message>
        <source>data to encrypt</source>
        <translation>要加密的数据</translation>
    </message>
</context>
<context>
    <name>what.datakey_hex</name>
    <message>
        <source>a data key in hex</source>
        <translation>十六进制的数据密钥</translation>
    </message>
</context>
<context>
    <name>what.encrypted_material</name>
    <message>
        <source>encrypted key material</source>
        <translation>加密后的密钥材料</translation>
    </message>
</context>
<context>
    <name>what.encrypted_private_key</name>
    <message>
        <source>an encrypted private key</source>
        <translation>加密的私钥</translation>
    </message>
</context>
<context>
    <name>what.import_token</name>
    <message>
        <source>an import token</source>
        <translation>导入令牌</translation>
    </message>
</context>
<context>
    <name>what.material_file</name>
    <message>
        <source>a 32-byte key material file</source>
        <translation> 32 字节的密钥材料文件</translation>
    </message>
</context>
<context>
    <name>what.pin_file</name>
    <message>
        <source>a PIN file</source>
        <translation>PIN 文件</translation>
    </message>
</context>
<context>
    <name>what.pkcs11_provenance</name>
    <message>
        <source>a token provenance file of hsm-wrap</source>
        <translation>hsm-wrap 写的令牌来源文件</translation>
    </message>
</context>
<context>
    <name>what.private_key</name>
    <message>
        <source>a private key (PEM or DER)</source>
        <translation>私钥（PEM 或 DER）</translation>
    </message>
</context>
<context>
    <name>what.readme</name>
    <message>
        <source>a Keyferry README of import items</source>
        <translation> Keyferry 导入所需项的 README 文件</translation>
    </message>
</context>
<context>
    <name>what.signature</name>
    <message>
        <source>a signature</source>
        <translation>签名</translation>
    </message>
</context>
<context>
    <name>what.wrapping_key</name>
    <message>
        <source>a wrapping key</source>
        <translation>包装密钥</translation>
    </message>
</context>
<context>
    <name>wrapping_key.not_a_key</name>
    <message>
        <source>{path} is not a wrapping key: it holds {content}. Use the wrappingKey_... file downloaded with the import token.</source>
        <translation>{path} 不是包装密钥：它包含{content}。请使用与导入令牌一起下载的 wrappingKey_... 文件。</translation>
    </message>
</context>
<context>
    <name>wrapping_key.not_rsa</name>
    <message>
        <source>{path} holds a public key, but not an RSA one.</source>
        <translation>{path} 包含一个公钥，但不是 RSA 公钥。</translation>
    </message>
</context>
</TS>
