"""The KPI registry shared by everything, and the Excel add-in built on it."""
