"""The hand-off of the composed question to the support chat."""
