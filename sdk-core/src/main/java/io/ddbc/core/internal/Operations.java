package io.ddbc.core.internal;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcOperations;
import io.ddbc.api.DdbcRequest;
import io.ddbc.api.Table;
import io.ddbc.api.TransactGetRequest;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.spi.RequestExecutor;
import java.util.concurrent.CompletableFuture;

/** What a client and a session share: fluent builders bound to themselves, run by the engine in their context. */
abstract class Operations implements DdbcOperations, RequestExecutor {
    final Regions regions;
    /** The engine of the home region (table metadata, settings). */
    final Engine engine;
    final Ctx ctx;

    Operations(Regions regions, Ctx ctx) {
        this.regions = regions;
        this.engine = regions.engine(ctx.home());
        this.ctx = ctx;
    }

    @Override
    public Table table(String name) {
        if (name == null || name.isEmpty()) throw new io.ddbc.api.ValidationException("Table name must not be empty");
        return new TableHandle(this, name);
    }

    @Override
    public BatchGetRequest.Builder batchGet() {
        return new BatchGetRequest.Builder(this);
    }

    @Override
    public BatchWriteRequest.Builder batchWrite() {
        return new BatchWriteRequest.Builder(this);
    }

    @Override
    public TransactGetRequest.Builder transactGet() {
        return new TransactGetRequest.Builder(this);
    }

    @Override
    public TransactWriteRequest.Builder transactWrite() {
        return new TransactWriteRequest.Builder(this);
    }

    @Override
    public <R> R execute(DdbcRequest<R> request) {
        return regions.execute(required(request), ctx);
    }

    @Override
    public <R> CompletableFuture<R> executeAsync(DdbcRequest<R> request) {
        return regions.executeAsync(required(request), ctx);
    }

    private static <R> DdbcRequest<R> required(DdbcRequest<R> request) {
        if (request == null) throw new io.ddbc.api.ValidationException("The request to execute must not be null");
        return request;
    }

    @Override
    public Consistency defaultConsistency() {
        return ctx.explicitSession() ? Consistency.SESSION : engine.config.defaultConsistency();
    }
}
