~s(abc
