"""The pages of the Import Key wizard, one file each."""
