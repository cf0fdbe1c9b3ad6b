namespace TomoSaxs.Phantom.Tests;

public class WaxsBeamTests
{
    [Fact]
    public void Beam_profile_nodes_hold_the_gaussians_weight_mean_and_variance_and_cut_at_the_breaks()
    {
        const double sigma = 42.5;
        var nodes = WaxsMapModel.GaussianNodes(sigma, [-130, 17.3], 128);
        Assert.Equal(1.0, nodes.Sum(n => n.Weight), 12);
        // Cells cut at the breaks are unequal, so the midpoint rule leaves the mean 6e-5 µm off (σ = 42.5 µm).
        Assert.Equal(0.0, nodes.Sum(n => n.Weight * n.Offset), 1e-3);
        // The ±3σ cut keeps 97.3 % of the variance (1 − 2·3·φ(3)/0.9973); the midpoint cells add ≈ Δ²/12.
        var variance = nodes.Sum(n => n.Weight * n.Offset * n.Offset);
        Assert.Equal(0.9733 * sigma * sigma, variance, 0.005 * sigma * sigma);
        // A break inside the range is a cell edge: the share of the beam above 17.3 is exactly the Gaussian's.
        var above = nodes.Where(n => n.Offset > 17.3).Sum(n => n.Weight);
        var exact = (0.5 * MathNet.Numerics.SpecialFunctions.Erfc(17.3 / sigma / Math.Sqrt(2)) - 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(3 / Math.Sqrt(2))) / 0.9973002;
        Assert.Equal(exact, above, 1e-6);
        // The break outside ±3σ changes nothing.
        Assert.DoesNotContain(nodes, n => n.Offset < -3 * sigma);
    }
}
