import ArgumentParser
public enum PreferCLIPlaceholder {}
