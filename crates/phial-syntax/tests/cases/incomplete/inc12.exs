receive do
