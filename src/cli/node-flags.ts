import v8 from 'node:v8';

// Node 24 can hang for good in process.exit: a background Sparkplug or Maglev compile job waits for a garbage
// collection that the exiting main thread never runs, while the main thread waits for that job's thread
// (nodejs/node#54918, #64274; seen here as a `qikan build` that printed everything and never ended). Without
// concurrent baseline compilation and Maglev there is no such job. Imported first, before anything is compiled.
v8.setFlagsFromString('--no-concurrent-sparkplug');
v8.setFlagsFromString('--no-maglev');
