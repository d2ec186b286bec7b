"abc #{1 +} def"
