# publish
