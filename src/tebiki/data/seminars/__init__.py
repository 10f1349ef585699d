"""Seminars and recordings (model, load), their WebVTT captions and the generated videos' storyboards."""
