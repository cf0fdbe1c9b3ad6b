namespace TomoSaxs.Pipeline;

/// <summary>One step of a build: a stage for the scan or for one slice, and why it would run (nothing = up to date).</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Slice">The slice, or null for a stage that runs once per scan.</param>
/// <param name="Reasons">Why it would run; empty when it is up to date.</param>
public sealed record PlanEntry(StageDeclaration Stage, int? Slice, IReadOnlyList<StalenessReason> Reasons)
{
    /// <summary>True when the step would run.</summary>
    public bool WouldRun => Reasons.Count > 0;

    /// <summary>The step's name in messages: <c>Seed</c> or <c>Stripe slice 03</c>.</summary>
    public string Label => StepLabel.Of(Stage.Name, Slice);

    /// <summary>"up to date", or "would run: " and the reasons.</summary>
    public string Verdict => WouldRun ? "would run: " + string.Join("; ", Reasons) : "up to date";
}
