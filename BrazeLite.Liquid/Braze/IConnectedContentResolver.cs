namespace BrazeLite.Liquid.Braze;

/// <summary>
/// Answers the <c>connected_content</c> calls of a render: from sample responses in a preview
/// (<see cref="SampleConnectedContent"/>), over HTTP in a send. A resolver that completes synchronously keeps the render
/// on its synchronous path; one that really waits needs <see cref="LiquidTemplate.RenderAsync(LiquidRenderContext?, LiquidRenderOptions?, CancellationToken)"/>.
/// </summary>
public interface IConnectedContentResolver
{
    /// <summary>Answers one call; <paramref name="cancellationToken"/> carries the render's deadline.</summary>
    ValueTask<ConnectedContentResponse> ResolveAsync(ConnectedContentRequest request, CancellationToken cancellationToken);
}
