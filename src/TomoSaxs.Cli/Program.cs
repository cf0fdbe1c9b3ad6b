using TomoSaxs.Cli;

return TomoSaxsCommandLine.Run(args, Console.Out, Console.Error);
