namespace TomoSaxs.Scan;

/// <summary>Finds the known key a misspelt key was probably meant to be ("hig_res" → "high_res").</summary>
public static class KeySuggestion
{
    /// <summary>
    /// The candidate nearest to <paramref name="key"/> by edit distance (ignoring case, '-' versus '_'), or null
    /// when none is close enough to be a plausible typo (at most a third of the key's length, and at least 2 edits
    /// allowed). A key that is the start of a candidate counts as one edit away, because the usual slip is a
    /// missing unit suffix ("q0" for "q0_nm", "angles" for "angles_deg").
    /// </summary>
    public static string? Nearest(string key, IEnumerable<string> candidates)
    {
        var normalisedKey = Normalise(key);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var normalisedCandidate = Normalise(candidate);
            var distance = normalisedKey.Length >= 2 && normalisedCandidate.StartsWith(normalisedKey, StringComparison.Ordinal)
                ? Math.Min(1, EditDistance(normalisedKey, normalisedCandidate))
                : EditDistance(normalisedKey, normalisedCandidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= Math.Max(2, normalisedKey.Length / 3) ? best : null;
    }

    /// <summary>"unknown key 'x'; did you mean 'y'?" or "unknown key 'x'; known keys are: …".</summary>
    public static string UnknownKeyMessage(string what, string key, IReadOnlyCollection<string> known)
    {
        var suggestion = Nearest(key, known);
        if (suggestion is not null)
        {
            return $"unknown {what} '{key}'; did you mean '{suggestion}'?";
        }

        return known.Count == 0
            ? $"unknown {what} '{key}'; none are defined here."
            : $"unknown {what} '{key}'; expected one of: {string.Join(", ", known.Order(StringComparer.Ordinal))}.";
    }

    private static string Normalise(string key) => key.Trim().ToLowerInvariant().Replace('-', '_');

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
