"""The workbook's own screens, beside the exercises: home, my journal, progress and trends,
bringing history in, sharing with a partner, the lock, and "Need help now?"."""
