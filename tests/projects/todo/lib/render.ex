defprotocol Todo.Render do
  def render(item)
end
