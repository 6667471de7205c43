"""The review: measures and KPIs of a period from the store, and the rules that propose actions."""
