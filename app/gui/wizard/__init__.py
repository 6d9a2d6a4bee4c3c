"""The Import Key wizard: a plain-Python flow (flow.py), the QWizard (wizard.py) and one
file per page (pages/)."""
