"""One module per part of the workbook; each offers one call per exercise."""
