"""Check kinds: one module per value of a rule's ``extends:`` key."""
