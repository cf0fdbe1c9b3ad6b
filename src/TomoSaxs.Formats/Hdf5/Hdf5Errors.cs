namespace TomoSaxs.Formats.Hdf5;

/// <summary>Turns PureHDF's nested exceptions into one readable cause.</summary>
internal static class Hdf5Errors
{
    /// <summary>
    /// The messages from the outermost informative exception down to the root cause, joined with ": ",
    /// skipping PureHDF's generic wrappers such as "Filter pipeline failed.".
    /// </summary>
    public static string Innermost(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var message = current.Message.Trim().TrimEnd('.');
            if (message.Length > 0 && message != "Filter pipeline failed" && !messages.Contains(message))
            {
                messages.Add(message);
            }
        }

        return messages.Count == 0 ? exception.GetType().Name : string.Join(": ", messages);
    }
}
