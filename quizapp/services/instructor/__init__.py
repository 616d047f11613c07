"""What instructors run: classes, scores and the analysis of their questions."""
