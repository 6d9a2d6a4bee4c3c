"""Keyferry's resources: texts, icons, translations. Not code: this file marks the folder
(``resources/`` in a checkout, ``app.resources`` in a wheel, ``resources/`` in a bundle) for
app/resources_locator.py."""
