"""The road map after the encounter: commitments, their stages and history, the follow-up
forms the parliaments fill in, and the road map report."""
