using Ventanilla.Bench;

// Two measurements, always quoted together so the result is a ratio on whatever machine runs it:
//   load            creates tickets through the HTTP API and reports tickets/s with p50/p99 latency;
//   sqlite-ceiling  does the same inserts straight into SQLite, the embedded database's own limit.
// PostgreSQL's ceiling is measured with pgbench by bench/run.sh.
var options = BenchOptions.Parse(args);
return options.Mode switch
{
    "load" => await ApiLoad.RunAsync(options),
    "sqlite-ceiling" => await SqliteCeiling.RunAsync(options),
    _ => BenchOptions.Usage(),
};
