// Web Push handlers: see features/push
