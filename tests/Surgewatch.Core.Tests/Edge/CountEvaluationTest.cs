using Surgewatch.Core.Edge;

namespace Surgewatch.Core.Tests.Edge;

public sealed class CountEvaluationTest
{
    [Fact]
    public void Of_MixedErrors_GivesMaeBiasAndMax() =>
        CountEvaluation.Of([new FrameCount(0, 4, 3), new FrameCount(10, 5, 7), new FrameCount(20, 6, 6)])
            .Should().Be(new CountEvaluation(3, 1, 1.0 / 3, 2));

    [Fact]
    public void Of_NoFrames_Throws()
    {
        var score = () => CountEvaluation.Of([]);
        score.Should().Throw<ArgumentException>();
    }
}
