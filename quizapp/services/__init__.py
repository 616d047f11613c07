"""What the app does, apart from how it is asked: views and commands call these and stay thin."""
