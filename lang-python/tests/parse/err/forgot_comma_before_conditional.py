(x foelsex in y if x)
