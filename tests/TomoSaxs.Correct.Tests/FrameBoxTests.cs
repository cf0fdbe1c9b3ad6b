using TomoSaxs.Correct.Stage;

namespace TomoSaxs.Correct.Tests;

/// <summary>The stored box and the pixels of it that carry values (store: q_box, q_box_half).</summary>
public class FrameBoxTests
{
    [Fact]
    public void In_range_pixels_are_those_within_the_margin_of_a_pixel_in_the_q_range()
    {
        // 12 × 15 frame, q = distance in pixels from (5, 6); the range [3.5, 4.5] is a thin ring.
        const int rows = 12, columns = 15, margin = 2;
        var q = new double[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                q[r * columns + c] = Math.Sqrt((r - 5.0) * (r - 5.0) + (c - 6.0) * (c - 6.0));
            }
        }

        var box = FrameBox.OfQRange(q, rows, columns, 3.5, 4.5, margin);
        var inRange = box.InRange(q, columns, 3.5, 4.5, margin);
        for (var r = 0; r < box.Rows; r++)
        {
            for (var c = 0; c < box.Columns; c++)
            {
                // Brute force: is a pixel with q in range within the Chebyshev margin?
                var near = false;
                for (var dr = -margin; dr <= margin; dr++)
                {
                    for (var dc = -margin; dc <= margin; dc++)
                    {
                        var (rr, cc) = (box.FirstRow + r + dr, box.FirstColumn + c + dc);
                        near |= rr >= 0 && rr < rows && cc >= 0 && cc < columns && q[rr * columns + cc] is >= 3.5 and <= 4.5;
                    }
                }

                Assert.Equal(near, inRange[r * box.Columns + c]);
            }
        }

        // The ring's centre (q = 0, farther than the margin from q ≥ 3.5) is not stored.
        Assert.False(inRange[(5 - box.FirstRow) * box.Columns + 6 - box.FirstColumn]);
    }
}
