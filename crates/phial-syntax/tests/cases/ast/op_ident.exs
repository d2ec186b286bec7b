foo -1
foo - 1
foo-1
foo +x
a
-1
