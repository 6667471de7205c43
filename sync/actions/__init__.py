"""The action tracker: who does what by when, kept with stable ids."""
