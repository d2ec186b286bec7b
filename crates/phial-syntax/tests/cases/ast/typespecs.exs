@spec at(t, index, default) :: element | default
@spec fetch(t, key) :: {:ok, value} | :error
@type t :: %{required(atom) => term, optional(binary) => [integer] | nil}
@type option :: {:name, atom} | {:timeout, timeout()}
@typep state :: %__MODULE__{pid: pid() | nil}
@opaque t(a) :: [a] | nil
@callback init(args :: term) :: {:ok, state} | {:stop, reason :: term}
@macrocallback m(Macro.t()) :: Macro.t()
@optional_callbacks [handle_info: 2]
@spec id(a) :: a when a: term
@spec map(t, (element -> any)) :: list when element: var, t: [element]
@type fun_any :: (... -> any) | [...] | nonempty_list(...)
@type bits :: <<>> | <<_::8>> | <<_::_*16>> | <<_::32, _::_*8>>
@spec f(x :: integer | float, y :: String.t()) :: :ok
