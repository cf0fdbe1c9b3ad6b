namespace TomoSaxs.Register.Stage;

/// <summary>Progress of <see cref="Registration.Compute"/>: the step and how much of it is done.</summary>
/// <param name="Step">"vertical", "walls", "gridding".</param>
/// <param name="Done">Units done.</param>
/// <param name="Total">Units in the step.</param>
public readonly record struct RegistrationProgress(string Step, int Done, int Total);
