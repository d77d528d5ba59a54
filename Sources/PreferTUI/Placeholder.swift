public enum PreferTUIPlaceholder {}
