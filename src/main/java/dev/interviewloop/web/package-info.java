/**
 * The HTTP surface: thin REST resources and the chat WebSocket, the JSON shapes they speak, the
 * mapping of errors to clear 4xx answers, what a client may ask ({@code interview-loop.limits.*}: a
 * flood limit per session and per client address, bounded fields, a deadline for request bodies, a
 * bound on grades in flight), and the browser UI's static files
 * ({@code META-INF/resources}). Resources map the wire model to the domain, call one service
 * method and return; no decisions are made here.
 */
package dev.interviewloop.web;
