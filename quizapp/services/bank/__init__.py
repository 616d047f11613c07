"""The question bank: loading generated cards, listing, reviewing, authoring, importing and exporting them."""
