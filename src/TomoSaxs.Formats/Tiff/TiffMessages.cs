using System.Globalization;
using BitMiracle.LibTiff.Classic;
using LibTiff = BitMiracle.LibTiff.Classic.Tiff;

namespace TomoSaxs.Formats.Tiff;

/// <summary>
/// Collects LibTiff's error messages so they end up in a <see cref="DataFileException"/> instead of on the console.
/// LibTiff has one process-wide handler; ours records messages for the thread inside a <see cref="Capture"/> scope
/// and hands everything else to the handler that was installed before, so other LibTiff users are not silenced.
/// </summary>
internal sealed class TiffMessages : TiffErrorHandler
{
    private static readonly Lock InstallLock = new();
    private static TiffErrorHandler? previous;
    private static bool installed;

    [ThreadStatic]
    private static List<string>? capturedErrors;

    /// <summary>Starts recording LibTiff errors on this thread until the scope is disposed.</summary>
    public static Scope Capture()
    {
        EnsureInstalled();
        var outer = capturedErrors;
        capturedErrors = [];
        return new Scope(outer);
    }

    /// <summary>The errors recorded so far in the innermost scope, joined for a message, or null when none.</summary>
    public static string? LastErrors =>
        capturedErrors is { Count: > 0 } list ? string.Join("; ", list) : null;

    /// <summary>Appends LibTiff's own explanation, when it gave one, to a cause.</summary>
    public static string WithDetail(string cause) =>
        LastErrors is { } detail ? $"{cause} (LibTiff: {detail})" : cause;

    public override void ErrorHandler(LibTiff tif, string method, string format, params object[] args)
    {
        if (!Record(method, format, args))
        {
            (previous ?? new TiffErrorHandler()).ErrorHandler(tif, method, format, args);
        }
    }

    public override void ErrorHandlerExt(LibTiff tif, object clientData, string method, string format, params object[] args)
    {
        if (!Record(method, format, args))
        {
            previous?.ErrorHandlerExt(tif, clientData, method, format, args);
        }
    }

    public override void WarningHandler(LibTiff tif, string method, string format, params object[] args)
    {
        // Warnings are about tags LibTiff does not know (ImageJ's, for example); inside a scope they are noise.
        if (capturedErrors is null)
        {
            (previous ?? new TiffErrorHandler()).WarningHandler(tif, method, format, args);
        }
    }

    public override void WarningHandlerExt(LibTiff tif, object clientData, string method, string format, params object[] args)
    {
        if (capturedErrors is null)
        {
            previous?.WarningHandlerExt(tif, clientData, method, format, args);
        }
    }

    // LibTiff may report one error through both the plain and the "Ext" handler; keep it once.
    private static bool Record(string method, string format, object[] args)
    {
        if (capturedErrors is not { } list)
        {
            return false;
        }

        var message = Format(method, format, args);
        if (list.Count == 0 || list[^1] != message)
        {
            list.Add(message);
        }

        return true;
    }

    private static string Format(string method, string format, object[] args)
    {
        var text = args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        return string.IsNullOrEmpty(method) ? text : $"{method}: {text}";
    }

    private static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (!installed)
            {
                previous = LibTiff.SetErrorHandler(new TiffMessages());
                installed = true;
            }
        }
    }

    /// <summary>Ends a capture scope and restores the enclosing one.</summary>
    public readonly struct Scope(List<string>? outer) : IDisposable
    {
        public void Dispose() => capturedErrors = outer;
    }
}
