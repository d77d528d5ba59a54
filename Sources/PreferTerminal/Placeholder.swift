import CNcursesw
public enum PreferTerminalPlaceholder {}
