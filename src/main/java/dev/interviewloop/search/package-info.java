/**
 * Retrieval over the reference notes, the retold write-ups and the user's own documents: one
 * Lucene index with BM25 over an English analyzer and HNSW vectors from an in-process ONNX
 * embedding model, fused by reciprocal rank. Owns chunking, the index's life cycle (build,
 * persist with a content hash, refresh), user-document ingestion and the LangChain4j
 * {@code ContentRetriever} the LLM side plugs in.
 */
package dev.interviewloop.search;
