"""RadLens training: report-aligned dual-stream chest X-ray encoder (PyTorch), tokenizer, export to a model package."""
__version__ = "1.0.0"
