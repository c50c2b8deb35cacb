/** Pipelines: CodePipeline's place in the console. Its views join here when Slipway serves CodePipeline. */
export function Pipelines() {
  return (
    <section>
      <h1>Pipelines</h1>
      <div class="empty">
        <p>Slipway does not serve CodePipeline yet; pipelines, their stages and executions will show here.</p>
        <p>
          Meanwhile builds and deployments run on their own: <a href="/_slipway/console/builds">Builds</a>,{' '}
          <a href="/_slipway/console/deployments">Deployments</a>.
        </p>
      </div>
    </section>
  );
}
