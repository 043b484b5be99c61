pas*# trailing comment
