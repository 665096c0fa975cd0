"""One module per strategy (and Start here); each offers one call per exercise.

The workbook's own screens (home, my journal, progress, sharing, the lock, help) are in
`workbook.panels`; they may show an exercise, and no exercise imports them.
"""
