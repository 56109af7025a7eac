"""The print shop: certificates of attendance, name plates, the list of participants and the charts of the reports."""
