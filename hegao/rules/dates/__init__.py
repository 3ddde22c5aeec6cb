"""Calendar dates that cannot exist, and weekdays that do not match their dates."""
