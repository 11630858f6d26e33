print("review-profile")
