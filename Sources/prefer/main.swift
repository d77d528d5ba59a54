import PreferCLI
print("prefer")
