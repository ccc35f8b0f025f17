// The JS libraries, served by Quarkus from their mvnpm jars (META-INF/resources/_static/{name}/{version}/).
// Keep these versions in step with mvnpm.*.version in pom.xml; the browser tests fail if a path is wrong.
export { Marked } from '/_static/marked/17.0.1/lib/marked.esm.js';
export { default as DOMPurify } from '/_static/dompurify/3.3.3/dist/purify.es.mjs';
