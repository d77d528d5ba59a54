import PreferCLI

PreferCommand.runAndExit()
